"""The exam-day engine (design.md, "The exam-day engine"): the one anchored venue clock, the watch
on the PC's clock, the scheduler (entry close and absences for every room), and the paper-room
recorder kept running with nobody signed in. No Qt and no devices: hardware comes in through the
small protocols of `app.engine.recording`, plugged in by the composition root."""
