"""Operating Marsad: logs that never show a secret, start-up that waits for Telegram, the
health and metrics endpoint, backups and retention.

Beside `bot.services` in the layers: it reads storage and the delivery stage's reports and
never reaches into handlers or the application module, which wires it in.
"""
