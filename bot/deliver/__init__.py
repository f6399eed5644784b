"""Deliver stage: routing matches into the outbox, the send-or-hold policy, digests,
rendering and summaries, the outbox sender, every scheduled job."""
