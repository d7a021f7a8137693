"""Tests of the command line as a whole: every noun's smoke run, usage messages, corrections,
hostile names."""
