"""Marsad (مرصد): Arabic security-news alerts on Telegram."""
