"""What the control room's tiles and alerts ask of the chief (pure: no database)."""

from __future__ import annotations

import uuid

from app.rules.lifecycle import Countdowns, Phase, RoomClock, RoomSteps, room_clock
from app.services.control import Alert, RoomTile
from app.services.control_alerts import MAX_ROOMS_LISTED, grouped, tile_state


def tile(code: str) -> RoomTile:
    return RoomTile(uuid.uuid4(), code, code, False, RoomSteps(), 30, 0, 0, 0, 0, ())


def test_a_room_to_report_now_or_short_of_invigilators_is_red_other_alerts_amber() -> None:
    t = tile("01")
    assert tile_state(t, Phase.STARTED, []) == "ok"
    assert tile_state(t, Phase.STARTED, [Alert("checklist_missing", "02")]) == "ok"  # another room's
    assert tile_state(t, Phase.STARTED, [Alert("not_opened", "01")]) == "attention"
    assert tile_state(t, Phase.STARTED, [Alert("not_opened", "01"), Alert("report_now", "01")]) == "alarm"
    assert tile_state(t, Phase.PENDING, [Alert("invigilators_short", "01", count=1)]) == "alarm"


def test_routine_alerts_are_one_line_per_kind_naming_at_most_ten_rooms() -> None:
    codes = [f"{n:02}" for n in range(1, 31)]
    lines = grouped([Alert("checklist_missing", c) for c in codes])
    assert len(lines) == 1 and lines[0].kind == "checklist_missing"
    assert lines[0].room_code == ", ".join(codes[:MAX_ROOMS_LISTED]) + " …"


def test_incident_counts_add_up_short_rooms_group_by_how_many_and_urgent_alerts_stay_single() -> None:
    alerts = [Alert("incident_draft", "01", count=2), Alert("report_now", "03"), Alert("incident_draft", "02", count=3),
              Alert("invigilators_short", "04", count=1), Alert("invigilators_short", "05", count=0),
              Alert("invigilators_short", "06", count=1), Alert("report_now", "07")]
    lines = [(a.kind, a.room_code, a.count) for a in grouped(alerts)]
    assert lines == [("incident_draft", "01, 02", 5), ("report_now", "03", 0), ("invigilators_short", "04, 06", 1),
                     ("invigilators_short", "05", 0), ("report_now", "07", 0)]


def test_art30_a_tile_counts_down_to_the_start_entry_close_sealing_end_and_end_in_turn() -> None:
    before = Countdowns(to_start=600, to_entry_close=900, to_sealing_end=7800, to_end=9600)
    assert room_clock(Phase.PENDING, before) == (RoomClock.STARTS, 600)
    assert room_clock(Phase.OPEN, before) == (RoomClock.STARTS, 600)
    late = Countdowns(to_start=-60, to_entry_close=240, to_sealing_end=7140, to_end=8940)
    assert room_clock(Phase.READY, late) == (RoomClock.NOT_OPENED, 0.0)  # the start passed, the room still shut
    assert room_clock(Phase.STARTED, late) == (RoomClock.ENTRY_CLOSES, 240)
    sealed = Countdowns(to_start=-600, to_entry_close=-300, to_sealing_end=6600, to_end=8400)
    assert room_clock(Phase.ENTRY_CLOSED, sealed) == (RoomClock.SEALED, 6600)
    unsealed = Countdowns(to_start=-7800, to_entry_close=-7500, to_sealing_end=0, to_end=1800)
    assert room_clock(Phase.ENTRY_CLOSED, unsealed) == (RoomClock.ENDS, 1800)
    assert room_clock(Phase.SEALING_ENDED, unsealed) == (RoomClock.ENDS, 1800)
    for done in (Phase.ENDED, Phase.COLLECTED, Phase.SIGNED):
        assert room_clock(done, unsealed) is None
