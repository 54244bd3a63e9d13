"""Independent origins (MinHash LSH fingerprints) and passage embeddings for semantic search.

The embeddings table needs the server's pgvector extension. The embedded PostgreSQL ships it;
a server without it gets every other table, semantic search stays off there, and full-text
search works as before. Django's state always has the model, so the schema in code is one.
"""

import django.contrib.postgres.fields
import django.contrib.postgres.indexes
import django.db.models.deletion
import pgvector.django.indexes
import pgvector.django.vector
from django.db import migrations, models

from verification.origins import document_fingerprint, quote_key
from verification.schedule import schedule_ensure, schedule_remove


def pgvector_available(schema_editor) -> bool:
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_available_extensions WHERE name = 'vector'")
        return cursor.fetchone() is not None


def create_embeddings_table(apps, schema_editor):
    if not pgvector_available(schema_editor):
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS vector")
    model = apps.get_model("verification", "PassageEmbedding")
    schema_editor.create_model(model)
    # The embedding goes with its passage, in the database (Django's side is DO_NOTHING).
    schema_editor.execute(
        "ALTER TABLE verification_passageembedding ADD CONSTRAINT passageembedding_passage_fk "
        "FOREIGN KEY (passage_id) REFERENCES verification_passage (id) ON DELETE CASCADE "
        "DEFERRABLE INITIALLY DEFERRED"
    )


def drop_embeddings_table(apps, schema_editor):
    schema_editor.execute("DROP TABLE IF EXISTS verification_passageembedding")


EMBED_SCHEDULE = ["embed-missing-passages"]


def add_embed_schedule(apps, schema_editor):
    schedule_ensure(apps, names=EMBED_SCHEDULE)


def remove_embed_schedule(apps, schema_editor):
    schedule_remove(apps, names=EMBED_SCHEDULE)


def one_origin_per_existing_document(apps, schema_editor):
    """Give documents stored before origins existed one origin each, and index them for later copies."""
    Document = apps.get_model("verification", "Document")
    Origin = apps.get_model("verification", "Origin")
    Passage = apps.get_model("verification", "Passage")
    DocumentFingerprint = apps.get_model("verification", "DocumentFingerprint")
    for document in Document.objects.order_by("ingested_at", "pk").iterator():
        label = " — ".join(part for part in (document.publisher, document.title or document.source_name) if part)
        origin = Origin.objects.create(first_document=document, label=label[:300] or f"Document {document.pk}")
        Document.objects.filter(pk=document.pk).update(origin=origin)
        passages = list(Passage.objects.filter(document=document))
        for passage in passages:
            passage.origin = origin
            passage.quote_key = quote_key(passage.text)
        Passage.objects.bulk_update(passages, ["origin", "quote_key"])
        fingerprint = document_fingerprint(document.text)
        if fingerprint:
            DocumentFingerprint.objects.create(
                document=document, signature=list(fingerprint.signature), bands=list(fingerprint.bands)
            )


class Migration(migrations.Migration):

    dependencies = [
        ('verification', '0005_jobrun_assignee_roles'),
        ('django_celery_beat', '0019_alter_periodictasks_options'),
    ]

    operations = [
        migrations.AddField(
            model_name='passage',
            name='quote_key',
            field=models.CharField(blank=True, db_index=True, help_text='Fingerprint of a sentence long enough to be a quote.', max_length=64),
        ),
        migrations.AlterField(
            model_name='jobrun',
            name='kind',
            field=models.CharField(choices=[('corroborate_ticket', 'Corroborate a ticket'), ('recheck_document', 'Re-check open tickets against a new document'), ('stale_sweep', 'Queue stale tickets'), ('extract_document', "Extract a document's claims"), ('embed_passages', 'Embed passages for semantic search')], max_length=30),
        ),
        migrations.CreateModel(
            name='DocumentFingerprint',
            fields=[
                ('document', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, primary_key=True, related_name='fingerprint', serialize=False, to='verification.document')),
                ('signature', django.contrib.postgres.fields.ArrayField(base_field=models.BigIntegerField(), help_text='MinHash minimums, one per permutation.', size=None)),
                ('bands', django.contrib.postgres.fields.ArrayField(base_field=models.BigIntegerField(), help_text='One hash per LSH band, distinct per band.', size=None)),
            ],
            options={
                'indexes': [django.contrib.postgres.indexes.GinIndex(fields=['bands'], name='fingerprint_bands_gin')],
            },
        ),
        migrations.CreateModel(
            name='Origin',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('label', models.CharField(help_text='Publisher and title of the first copy seen.', max_length=300)),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('first_document', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='verification.document')),
            ],
            options={
                'ordering': ['created_at', 'id'],
            },
        ),
        migrations.AddField(
            model_name='document',
            name='origin',
            field=models.ForeignKey(blank=True, help_text='The story this document is a copy of (itself when it is the first).', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='documents', to='verification.origin'),
        ),
        migrations.AddField(
            model_name='passage',
            name='origin',
            field=models.ForeignKey(blank=True, help_text="The story this passage comes from: its document's, or that of a quote it republishes.", null=True, on_delete=django.db.models.deletion.PROTECT, related_name='passages', to='verification.origin'),
        ),
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='PassageEmbedding',
                    fields=[
                        ('passage', models.OneToOneField(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, primary_key=True, related_name='embedding', serialize=False, to='verification.passage')),
                        ('vector', pgvector.django.vector.VectorField(dimensions=384)),
                    ],
                    options={
                        'indexes': [pgvector.django.indexes.HnswIndex(ef_construction=64, fields=['vector'], m=16, name='passage_embedding_hnsw', opclasses=['vector_cosine_ops'])],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(create_embeddings_table, drop_embeddings_table),
        migrations.RunPython(one_origin_per_existing_document, migrations.RunPython.noop),
        migrations.RunPython(add_embed_schedule, remove_embed_schedule),
    ]
