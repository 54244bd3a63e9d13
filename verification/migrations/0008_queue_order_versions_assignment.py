"""The queue's urgency order served by indexes, ticket versions for optimistic locking, assignment events,
and an index on document publishers for the queue's publisher filter.

A trigger keeps Ticket.appearance_total and Ticket.last_seen_at equal to the count and latest
seen_at of the ticket's appearances, however an appearance is written, so that the queue can
order a million tickets by an index instead of counting appearances for every one of them.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

TALLY = """
CREATE FUNCTION verification_appearance_tally() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        UPDATE verification_ticket SET appearance_total = appearance_total - 1,
            last_seen_at = (SELECT max(seen_at) FROM verification_appearance WHERE ticket_id = OLD.ticket_id)
        WHERE id = OLD.ticket_id;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        UPDATE verification_ticket SET appearance_total = appearance_total + 1,
            last_seen_at = GREATEST(last_seen_at, NEW.seen_at)
        WHERE id = NEW.ticket_id;
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER verification_appearance_tally
    AFTER INSERT OR DELETE OR UPDATE OF ticket_id ON verification_appearance
    FOR EACH ROW EXECUTE FUNCTION verification_appearance_tally();
UPDATE verification_ticket AS t SET appearance_total = a.total, last_seen_at = a.latest
FROM (SELECT ticket_id, count(*) AS total, max(seen_at) AS latest
      FROM verification_appearance GROUP BY ticket_id) AS a
WHERE a.ticket_id = t.id;
"""
UNTALLY = """
DROP TRIGGER verification_appearance_tally ON verification_appearance;
DROP FUNCTION verification_appearance_tally();
"""


class Migration(migrations.Migration):

    dependencies = [
        ('verification', '0007_origins_embeddings'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name='ticket',
            name='ticket_queue_idx',
        ),
        migrations.AddField(
            model_name='ticket',
            name='appearance_total',
            field=models.PositiveIntegerField(default=0, editable=False, help_text='How many times the claim was seen.'),
        ),
        migrations.AddField(
            model_name='ticket',
            name='last_seen_at',
            field=models.DateTimeField(blank=True, editable=False, help_text='When the claim was last seen in a document.', null=True),
        ),
        migrations.AddField(
            model_name='ticket',
            name='version',
            field=models.PositiveIntegerField(default=1, editable=False, help_text='Bumped by every reviewer change; an edit made on an older version is refused.'),
        ),
        migrations.AddField(
            model_name='ticketevent',
            name='assignee',
            field=models.ForeignKey(blank=True, help_text='Who the ticket was assigned to (assignment events; empty: unassigned).', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL),
        ),
        migrations.RunSQL(TALLY, UNTALLY),
        migrations.AlterField(
            model_name='ticketevent',
            name='kind',
            field=models.CharField(choices=[('status_change', 'Status change'), ('decision', 'Evidence decision'), ('assignment', 'Assignment')], max_length=20),
        ),
        migrations.AddIndex(
            model_name='ticket',
            index=models.Index(fields=['status', '-checkworthiness', '-appearance_total', '-last_seen_at', '-id'], name='ticket_queue_idx'),
        ),
        migrations.AddIndex(
            model_name='ticket',
            index=models.Index(fields=['-checkworthiness', '-appearance_total', '-last_seen_at', '-id'], name='ticket_urgency_idx'),
        ),
        migrations.AddIndex(
            model_name='ticket',
            index=models.Index(fields=['assignee', 'status', '-checkworthiness', '-appearance_total', '-last_seen_at', '-id'], name='ticket_assignee_queue_idx'),
        ),
        migrations.AddIndex(
            model_name='document',
            index=models.Index(fields=['publisher'], name='document_publisher_idx'),
        ),
    ]
