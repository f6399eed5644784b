"""Chat domain: what the commands do (follow lists, listings, preferences, transfer,
access rules), called by the thin handlers in `handlers/`."""
