"""Quality measured on labelled data: one module per thing measured, pure functions, no ORM.

labelled          read a labelled TSV file with clear errors
metrics           precision, recall, F1 and average precision
checkworthiness   the check-worthiness model against a plain baseline
retrieval         evidence search and stance against gold passages
"""
