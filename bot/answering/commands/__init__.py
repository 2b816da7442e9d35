"""One module per command: read the inputs through the Context, select ties, return facts."""
