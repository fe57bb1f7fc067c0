"""Evaluation of summaries and clusterings against references."""
