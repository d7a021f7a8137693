"""Tests of gridctl/i18n/: refusals read whole in either language, no English literal in code."""
