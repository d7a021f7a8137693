"""Tests of gridctl/funding/: allocation, support, spending, the statement."""
