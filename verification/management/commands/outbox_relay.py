"""Send the tasks recorded while the queue was unreachable, as beat's relay-outbox entry does."""

from django.core.management.base import BaseCommand

from verification import selectors, services


class Command(BaseCommand):
    help = "Publish the outbox rows that are due (beat does this every 10 s); prints how many went."

    def handle(self, *args, **options):
        published = services.outbox_relay()
        left = selectors.outbox_waiting_count()
        self.stdout.write(f"{published} task(s) sent to the queue, {left} still waiting.")
