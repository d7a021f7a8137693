"""The former home of deriving point entries, now gridctl.points.derive.

Kept only so that callers outside the points package keep working until they import
gridctl.points.derive; remove it when none imports this module.
"""

from gridctl.points.derive import forget, recompute, sync, sync_period

__all__ = ["forget", "recompute", "sync", "sync_period"]
