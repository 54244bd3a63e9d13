"""Fields that hold the API to its schema: text only from JSON strings, no empty enum values out."""

from django.db import models
from rest_framework import serializers


class StrictCharField(serializers.CharField):
    """A text field that refuses numbers and booleans instead of turning them into text."""

    default_error_messages = {"invalid": "Not a string; send this field as JSON text in quotes."}

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)


class StrictURLField(serializers.URLField, StrictCharField):
    """A URL field that refuses numbers and booleans."""


class BlankAsNullChoiceField(serializers.ChoiceField):
    """A choice read from a blank-able column: an empty value is shown as null, never as ""."""

    def __init__(self, **kwargs):
        super().__init__(allow_null=True, read_only=True, **kwargs)

    def to_representation(self, value):
        return None if value in ("", None) else super().to_representation(value)


# ModelSerializers build strict text fields from the model's text columns.
STRICT_FIELD_MAPPING = {
    **serializers.ModelSerializer.serializer_field_mapping,
    models.CharField: StrictCharField,
    models.TextField: StrictCharField,
    models.URLField: StrictURLField,
}
