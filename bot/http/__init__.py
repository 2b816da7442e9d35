"""HTTP interactions: Discord POSTs each interaction to our URL and reads the answer."""
