"""Why an exam package is refused. Each refusal is a `VenueError` with a stable `package.*` code
and params naming the file, record or field at fault; nothing has been written when one is raised.

Params never hold a full document number or phone number (art. 47–48): a candidate is named by
ticket number, and a document number only in its masked form.
"""

from __future__ import annotations

from typing import Any

from app.errors import VenueError


class PackageRefused(VenueError):
    """An exam package that is not imported; `code` says why."""

    def __init__(self, code: str, english: str, **params: Any) -> None:
        super().__init__(f"package.{code}", english, **params)


def archive_too_large(size: int, limit: int) -> PackageRefused:
    return PackageRefused("too_large", "The package file is {size} bytes; at most {limit} are accepted.",
                          size=size, limit=limit)


def corrupt_archive(detail: str, member: str = "") -> PackageRefused:
    return PackageRefused("corrupt_archive", "The package file is damaged or not an exam package ({detail}) {member}",
                          detail=detail, member=member)


def bad_member(member: str, reason: str) -> PackageRefused:
    return PackageRefused("bad_member", "The package holds a file it may not hold: {member} ({reason}).",
                          member=member, reason=reason)


def missing_member(member: str) -> PackageRefused:
    return PackageRefused("missing_file", "The package lacks the file {member}.", member=member)


def member_too_large(member: str, size: int, limit: int) -> PackageRefused:
    return PackageRefused("file_too_large", "{member} is {size} bytes; at most {limit} are accepted.",
                          member=member, size=size, limit=limit)


def unknown_signer(key_id: str) -> PackageRefused:
    return PackageRefused("unknown_signer", "The package is signed with key {key_id}, which this venue does not trust.",
                          key_id=key_id)


def bad_signature(key_id: str) -> PackageRefused:
    return PackageRefused("bad_signature", "The package's signature does not verify with key {key_id}: "
                          "it was altered after signing or not signed by the province.", key_id=key_id)


def hash_mismatch(member: str, field: str) -> PackageRefused:
    return PackageRefused("hash_mismatch", "The {field} of {member} does not match the signed manifest.",
                          member=member, field=field)


def unlisted_member(member: str) -> PackageRefused:
    return PackageRefused("unlisted_file", "{member} is in the package but not in its signed manifest.", member=member)


def bad_json(member: str, line: int) -> PackageRefused:
    return PackageRefused("bad_json", "{member} is not valid UTF-8 JSON (line {line}).", member=member, line=line)


def too_deep(member: str, limit: int) -> PackageRefused:
    return PackageRefused("too_deep", "{member} nests deeper than {limit} levels; an exam package never does.",
                          member=member, limit=limit)


def number_too_long(member: str, digits: int) -> PackageRefused:
    return PackageRefused("number_too_long", "{member} holds a number longer than {digits} digits, or one that "
                          "is not finite; an exam package never does.", member=member, digits=digits)


def unsafe_ticket_pattern(pattern: str, problem: str) -> PackageRefused:
    return PackageRefused("unsafe_ticket_pattern", "The exam's ticket pattern {pattern} is not accepted ({problem}). "
                          "Use only characters, classes such as [0-9] or \\d, anchors, and bounded repeats.",
                          pattern=pattern, problem=problem)


def schema_violation(member: str, path: str, rule: str, expected: str, record: str) -> PackageRefused:
    return PackageRefused("schema_violation", "{member}: {path} breaks the rule '{rule}' ({expected}) in {record}.",
                          member=member, path=path, rule=rule, expected=expected, record=record)


def manifest_mismatch(field: str, manifest: str, data: str) -> PackageRefused:
    return PackageRefused("manifest_mismatch", "The manifest says {field} is {manifest} but data.json says {data}.",
                          field=field, manifest=manifest, data=data)


def duplicate(kind: str, keys: list[str]) -> PackageRefused:
    return PackageRefused(f"duplicate_{kind}", "The package repeats these {kind} values: {keys}.",
                          kind=kind, keys=keys)


def unresolved(what: str, key: str, record: str) -> PackageRefused:
    return PackageRefused("unresolved_reference", "{record} refers to {what} {key}, which the package does not hold.",
                          what=what, key=key, record=record)


def seat_taken_twice(sitting: str, room: str, seat: int, tickets: list[str]) -> PackageRefused:
    return PackageRefused("seat_twice", "Sitting {sitting}, room {room}, seat {seat} is given to more than one "
                          "candidate: {tickets}.", sitting=sitting, room=room, seat=seat, tickets=tickets)


def candidate_seated_twice(sitting: str, ticket: str) -> PackageRefused:
    return PackageRefused("candidate_twice", "Candidate {ticket} is seated more than once in sitting {sitting}.",
                          sitting=sitting, ticket=ticket)


def shared_document(sitting: str, tickets: list[str]) -> PackageRefused:
    return PackageRefused("shared_document", "Candidates {tickets} share one document number in sitting {sitting}; "
                          "the desk could not tell them apart by their ID card.", sitting=sitting, tickets=tickets)


def admitted_changed(ticket: str, sitting: str, room: str, change: str, count: int) -> PackageRefused:
    """`change`: "withdrawn" (no longer a candidate), "unseated" (not in the sitting), "moved" (another room)."""
    params = {"ticket": ticket, "sitting": sitting, "room": room, "change": change, "count": count}
    if change == "withdrawn":
        return PackageRefused("admitted_changed", "Candidate {ticket} was already admitted to room {room} in sitting "
                              "{sitting}, and this revision withdraws them ({count} admitted candidates changed in "
                              "all). Nothing was imported: the province must list such candidates under "
                              "deliberate_changes.", **params)
    if change == "unseated":
        return PackageRefused("admitted_changed", "Candidate {ticket} was already admitted to room {room} in sitting "
                              "{sitting}, and this revision takes them out of that sitting ({count} admitted "
                              "candidates changed in all). Nothing was imported: the province must list such "
                              "candidates under deliberate_changes.", **params)
    return PackageRefused("admitted_changed", "Candidate {ticket} was already admitted to room {room} in sitting "
                          "{sitting}, and this revision moves them to another room ({count} admitted candidates "
                          "changed in all). Nothing was imported: the province must list such candidates under "
                          "deliberate_changes.", **params)


def invalid_document_number(ticket: str, document_type: str, masked: str, problem: str) -> PackageRefused:
    return PackageRefused("invalid_document_number", "Candidate {ticket}: the {document_type} number {masked} is not "
                          "valid ({problem}).", ticket=ticket, document_type=document_type, masked=masked,
                          problem=problem)


def ticket_pattern(ticket: str, pattern: str) -> PackageRefused:
    return PackageRefused("ticket_pattern", "Ticket number {ticket} does not match the exam's pattern {pattern}.",
                          ticket=ticket, pattern=pattern)


def bad_value(record: str, field: str, problem: str) -> PackageRefused:
    return PackageRefused("bad_value", "{record}: {field} is not acceptable ({problem}).",
                          record=record, field=field, problem=problem)


def room_unfit(sitting: str, mode: str, room: str, kind: str) -> PackageRefused:
    return PackageRefused("room_unfit", "Room {room} ({kind}) cannot host sitting {sitting} ({mode}).",
                          sitting=sitting, mode=mode, room=room, kind=kind)


def wrong_venue(package_venue: str, venue: str) -> PackageRefused:
    return PackageRefused("wrong_venue", "This package is for venue {package_venue}, but this is venue {venue}.",
                          package_venue=package_venue, venue=venue)


def wrong_exam(package_exam: str, exam: str) -> PackageRefused:
    return PackageRefused("wrong_exam", "This package is for exam {package_exam}, but this database holds exam {exam}.",
                          package_exam=package_exam, exam=exam)


def older_revision(revision: int, current: int) -> PackageRefused:
    return PackageRefused("older_revision", "This package is revision {revision}; revision {current} is already "
                          "imported.", revision=revision, current=current)


def revision_conflict(revision: int) -> PackageRefused:
    return PackageRefused("revision_conflict", "Revision {revision} was already imported with different content.",
                          revision=revision)


def write_conflict(detail: str) -> PackageRefused:
    return PackageRefused("write_conflict", "The package could not be applied to this database ({detail}); "
                          "nothing was changed.", detail=detail)
