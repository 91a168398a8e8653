"""PQL models as code: the YAML schema, its loader with line numbers, validation, templates."""
