"""Marsad's tests: one module per product module (test_<module>.py), plus end-to-end runs."""
