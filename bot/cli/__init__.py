"""Command-line helpers behind ``python -m bot``: start-up, console, reports, export, health."""
