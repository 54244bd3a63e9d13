"""Quality measured on public labelled data: pure readers, metrics and reports."""
