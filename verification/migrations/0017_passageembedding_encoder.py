"""Record which encoder made each passage embedding, so that a retrained encoder re-embeds the others.

The table exists only where the server has pgvector (migration 0007), so the column is added there
alone; Django's state always has it. Rows made before this migration name no encoder: they were
made by the packaged weights, and `passages_embed` replaces them.
"""

from django.db import migrations, models

TABLE = "verification_passageembedding"


def add_encoder_column(apps, schema_editor):
    if TABLE in schema_editor.connection.introspection.table_names():
        schema_editor.execute(f"ALTER TABLE {TABLE} ADD COLUMN encoder varchar(64) NOT NULL DEFAULT ''")


def drop_encoder_column(apps, schema_editor):
    if TABLE in schema_editor.connection.introspection.table_names():
        schema_editor.execute(f"ALTER TABLE {TABLE} DROP COLUMN encoder")


class Migration(migrations.Migration):
    dependencies = [("verification", "0016_operator_manages_sources")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AddField(
                    model_name="passageembedding",
                    name="encoder",
                    field=models.CharField(blank=True, default="", max_length=64),
                ),
            ],
            database_operations=[migrations.RunPython(add_encoder_column, drop_encoder_column)],
        ),
    ]
