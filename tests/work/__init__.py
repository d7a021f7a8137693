"""Tests of gridctl/work/: visits, problems, activities, the diary, meetings, the schedule."""
