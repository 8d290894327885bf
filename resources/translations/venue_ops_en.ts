<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Alerts</name>
    <message>
        <source>REPORT NOW · room {room} · {category} · not reported for {since}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Room {room}: pre-exam checklist not signed off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Room {room}: checklist done, room not opened yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Room {room}: {count} invigilators assigned, at least 2 needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Room {room}: {count} incidents waiting for confirmation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The computer&apos;s clock was changed by {seconds} s; timers kept their time</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Attendance</name>
    <message>
        <source>Present</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Absent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attendance sheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{label}: {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Venue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected {e} · present {p} · absent {a}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Admitted at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Candidate&apos;s signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>confirmed by {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invigilator 1 (signature)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invigilator 2 (signature)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date: ____________ Time: ________</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AttendanceDialog</name>
    <message>
        <source>Attendance sheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Admitted at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as PDF for printing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{room} · {subject} · expected {e}, present {p}, absent {a}, not yet {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved: {path}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditActions</name>
    <message>
        <source>Check-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paper custody</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secure paper room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exam rooms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Room records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invigilator assignment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exam packages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provincial sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records queued for the province</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database and backups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Venue set-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Venue clock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demonstration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <source>No event with this number in the trail: removed, or never written.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditTrailScreen</name>
    <message>
        <source>{n} events match.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events {first} to {last} of the trail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The audit trail is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verifying the chain…{share} ({n} events checked)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chain holds: {n} events, {k} signed checkpoints, up to event {last}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>THE CHAIN IS BROKEN: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the audit trail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} events exported to {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the whole trail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter: {what} · {n} events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name of who acted or confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>type or id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter Apply filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+End Newest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F6 Verify the chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F7 Export CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F8 Export PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chain has not been verified on this screen yet (F6).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CLI</name>
    <message>
        <source>Demo exam package written: {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database is at revision {rev}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup written: {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This package (revision {rev}) is already imported; nothing changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported revision {rev}: {candidates} candidates, {rooms} rooms, {staff} staff.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit trail intact: {n} events.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit trail BROKEN at event {seq}: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New credential: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chief examiner {number} can now sign in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database restored from {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your staff number: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your credential: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff member {number} has a new credential.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credential of staff member {number} set; they must set their own before confirming for others.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff account {number} is active again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff account {number} is deactivated; its sessions have ended.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CameraTile</name>
    <message>
        <source>No camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>signal lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChangeCredentialDialog</name>
    <message>
        <source>Change my credential</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Checkin</name>
    <message>
        <source>Male</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Female</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resident identity card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Social security card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Foreigner&apos;s permanent residence card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Residence permit for Hong Kong, Macao and Taiwan residents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Driving licence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Admit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refuse entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The photo decoder failed on this card&apos;s chip photo: compare the face with the registration photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not this room: go to room {room}, seat {seat}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already admitted at {time} by {staff} at {desk} (room {room})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document does not belong to this ticket&apos;s candidate: possible impersonation. A draft incident has been opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entry has closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a candidate of this sitting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not this room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown admission ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No registration carries this document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already admitted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The identity document has expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This kind of document is not accepted for entry (art. 30)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The province has withdrawn this registration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The names differ only in a rare character</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name on the card differs from the registration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document number differs from the registration by one typing slip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Typed by hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No admission ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No identity document read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Place the identity card on the reader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan the admission ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket and identity document match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entry closed at {time}; late by {late}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket {code} is not a ticket of this exam: check the number, or press F3 to find the candidate by name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The identity document expired on {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirmed by {name}, the second invigilator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter: call a second invigilator to confirm the admission · Esc: leave the candidate out, next candidate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Late by {late}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown ticket {code}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CheckinScreen</name>
    <message>
        <source>Venue gate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Room {room} door</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Desk locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is decided while the desk is locked. Scans and cards presented meanwhile ({n}) are kept and decided after the unlock, in the name of whoever unlocks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{problem} What was presented is kept: press Enter to try again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChecklistDialog</name>
    <message>
        <source>Pre-exam checklist · room {room}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Room inspected (no materials, seats numbered)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Monitoring works</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computer room seal-tested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Art. 20(三): every item must be checked before the room opens.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChiefPage</name>
    <message>
        <source>First chief examiner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chief examiner signs in with this credential and then manages every other account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credential</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credential again</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConfirmCheckDialog</name>
    <message>
        <source>Admit after a check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What you checked, e.g. the face matches the registration photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason (required)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Second invigilator&apos;s staff number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Their credential</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write down what you checked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The second invigilator enters their staff number and credential.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ControlBar</name>
    <message>
        <source>D  Draw invigilators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A  Assignment PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C  Sign checklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>O  Open room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P  Papers collected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>H  Hand-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S  Sign record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R  Room record PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T  Timer view</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ControlRoomScreen</name>
    <message>
        <source>No sitting today in this venue&apos;s package.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{exam} · {sitting} {subject} · {start}–{end} · {mode} · sealed until {sealed}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No alerts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Room {room}: checklist signed off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Room {room} is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Room {room}: papers collected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invigilators drawn and recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save invigilator assignment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No invigilators drawn yet for this sitting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invigilator assignment saved: {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Room {room}: {ticket} recorded as handed in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Room {room}: your signature is on the room record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save room record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Room record saved: {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CredentialForm</name>
    <message>
        <source>Current credential</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New credential</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New credential again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At least 8 characters; not your staff number, not one character repeated, not a common credential.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change credential</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your current credential.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the new credential.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two new entries differ; type the new credential again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changing the credential…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Custody</name>
    <message>
        <source>not received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Room {code}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escort (province)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secure paper room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exam office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question papers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer sheets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disc</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not expected here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown barcode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wrong count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>seal broken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>other seal number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>motion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>camera covered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>camera out of focus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>camera moved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>signal lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>back to normal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>recording failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustodyScreen</name>
    <message>
        <source>Paper custody</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latest handovers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End-of-day reconciliation (F9)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where is a package?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan or type a package barcode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No custody alerts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing since a handover</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{barcode} ({kind}): {state}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ {n} gap(s) in the chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All {n} packages received are accounted for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{bad} of {n} packages received are not accounted for: {codes}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DatabasePage</name>
    <message>
        <source>Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One PC: SQLite, nothing to install. Several desks sharing one venue database over the network: PostgreSQL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SQLite on this PC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PostgreSQL server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test the connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the data keys in a protected file on this PC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This PC has no secure keyring (such as Windows Credential Locker or GNOME Keyring). Without one, the keys that protect candidates&apos; personal data can only be kept in a file that only this PC&apos;s administrator account can read. Anyone who copies that file and the database can read the personal data: use this only on a PC that is locked away, and move to a PC with a keyring before exam day if you can.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected: {version}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This database is already set up for venue {venue}: this desk joins it, and its chief examiner stays.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This PC has no secure keyring: tick the box to keep the data keys in a protected file, or set this PC up from a desktop session with a keyring.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeskChoice</name>
    <message>
        <source>Venue gate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Room {room} door</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeskHealth</name>
    <message>
        <source>ID-card reader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket scanner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>working</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot be reached</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeskKeys</name>
    <message>
        <source>F2 Manual entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F3 Find by name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attendance sheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter confirm · Esc next candidate</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeskSide</name>
    <message>
        <source>Entry has closed. Candidates not admitted are recorded absent. The attendance sheet is ready.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Admitted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeviceCLI</name>
    <message>
        <source>--minutes must be at least 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Admission-ticket barcode scanner diagnostics.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the simulated port at {path}: {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open camera source {source}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read image {path}: it is a folder, or this account may not read it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read image {path}: it is not an image OpenCV can read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read image {path}: there is no such file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HK/Macao/Taiwan residence permit (港澳台居民居住证)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID-card reader diagnostics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listening on {port} at {baud} baud; Ctrl+C to stop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No ID-card reader answered on {count} port(s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No USB camera opened at indexes 0..{last}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No card was presented on {where} within {seconds} s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No serial ports found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No usable ID-card reader on {where}: {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paper-room camera diagnostics.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protocol error [{fault}]: {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read failed: {meaning} (SW3 0x{code} on {command})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reader ready on {where}; present a card…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serial port {port}: {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simulated ID-card reader on {path} (-&gt; {slave}) with {card}; Ctrl-C to stop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The camera source is not usable: {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The command could not complete: {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The photo decoder cannot be used: {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reader&apos;s library cannot be used: {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The serial scanner&apos;s settings are not usable: {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ticket pattern is not usable: {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This FFmpeg build (PyAV) cannot write {codec} video.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a code and Enter to scan it; end input (Ctrl+D) to stop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>USB index, RTSP URL, video file or sim:NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>USB index, RTSP URL, video file or sim:ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Venue device diagnostics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[{state}] {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a simulated serial scanner on a pseudo-terminal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a {card_type} card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>also probe this port (repeatable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any serial port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>barcode scanners: listen on a serial scanner, simulate one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>baud rate (default 9600; many scanners use 115200)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>camera name used in events and file names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cameras: probe USB cameras, watch for motion and tampering, record segments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>decode ticket codes (Code 128, QR) in image files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>disconnected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>drive the reader through this vendor sdtapi library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>foreigner&apos;s permanent residence ID card 2023 (外国人永久居留身份证)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>foreigner&apos;s permanent residence card 2017 (外国人永久居留证)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>list serial ports and which answer as an ID-card reader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>log the drivers&apos; messages to stderr</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>milliseconds between bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one JSON object per code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one JSON object per event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one JSON object per index tried</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one JSON object per port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one JSON object per scan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>play a video file at its frame rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>port {port}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>positional arguments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>print codes from a serial (USB COM) scanner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>print motion and tamper events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>print the ID number unmasked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>print the card as JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>print ticket codes seen by a camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read fingerprints too (command 30 10)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>record wall-clock segments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>resident ID card (居民身份证)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>seconds each port has to answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>seconds of quiet that end a code sent without terminator (default 0.1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>seconds to wait for a card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>segment length in minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>send no faster than 115200 baud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>serial port of the reader (default: look on every port)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>serial port, e.g. /dev/ttyACM0 or COM3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>serve a simulated reader on a pseudo-terminal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>show this help message and exit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stable path to create (default: a temporary one)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>start with no card on the reader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stop after N codes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stop after S seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stop after T seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the SDK&apos;s port: 1001–1016 USB, 1–16 serial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the card carries fingerprints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the exam&apos;s ticket-number pattern (default: 10 to 20 digits)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>try indexes 0..N-1 (default 5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>usage: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>vendor WLT decoder library to decode the photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wait for a card and print what it holds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>where the SDK writes the decoded photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>which USB camera indexes open, and at what resolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{index}: no camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{index}: opened, {width}x{height}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path}: no Code 128 or QR code found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path}: {code} is not reported: only {decoders} read it and it does not match the ticket pattern, or the two decoders read this code differently.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{prog}: {problem}. &apos;{prog} --help&apos; lists the commands and their options.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeviceCheck</name>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no serial port {port} on this PC. Ports found: {ports}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan any code with this scanner now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the camera&apos;s picture…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Place an ID card on the reader now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This device cannot be started: {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code scanned: {code}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card read: {name}, {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Picture received: {width} × {height}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reader could not read the last card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reader could not read this card; place it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The camera sent no usable picture.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected. Waiting for the device…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected yet: {state}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing arrived within {seconds} seconds.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeviceState</name>
    <message>
        <source>connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not connected: check its cable and that it is switched on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not working: the technician&apos;s log says why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>switched off in this program</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not working: its vendor library is not at the path in the settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not working: the file in the settings is not a library this PC can load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not working: its vendor library is built for another kind of PC (32/64-bit or another system); install the vendor&apos;s library for this PC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not working: the library in the settings is not the vendor&apos;s reader (sdtapi) library</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DevicesPage</name>
    <message>
        <source>Devices at this desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add each reader, scanner and camera, then test it: read a card, scan a code, see the picture. Devices can also be added later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID-card reader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID-card reader (vendor SDK)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scanner (keyboard)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scanner (serial port)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scanner (camera)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port or source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test the selected device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port: COM3 on Windows, /dev/ttyUSB0 on Linux; empty finds the reader. Camera: its number (0, 1, …), an rtsp:// address or a video file. Reader through its vendor&apos;s SDK: the path of its sdtapi library (sdtapi.dll, libsdtapi.so).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Options: as settings.json holds them, e.g. {example}; empty for the defaults.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This device&apos;s settings are not valid: {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two devices have the same name.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DevicesScreen</name>
    <message>
        <source>Configure the devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The desk&apos;s devices are stopped while you edit them and start again when you save or cancel. Test each new or changed device before saving: read a card, scan a code, see the picture.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+N add a device · Del remove it · F5 test it · Ctrl+S save · Esc cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serial ports on this PC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+S  Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Esc  Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No serial port found on this PC.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test these devices before saving: {names}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>card read: {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>card taken away</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a card could not be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the reader&apos;s answer was garbled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>code scanned: {code}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Devices at this desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port or source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F5  Test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F6  Restart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F7  Add, remove, configure…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>recorded by the secure paper room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not started yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping {name} for its test…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No picture from this camera yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Picture from the recording: {width} × {height}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is the secure paper room&apos;s camera: it restarts with the program.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restarting {name}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} was restarted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping the desk&apos;s devices for editing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved. The devices run with their new settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Draw</name>
    <message>
        <source>Room {room}: no eligible invigilator with computer skills is free of declared relations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Room {room}: only {available} eligible invigilators are free of declared relations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Room {room}: not enough invigilators left for it once the other rooms are staffed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The draw is impossible; nothing was relaxed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not an invigilator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deactivated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>volunteer or public recruit (art. 20(二))</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sitting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{at} by {by}, confirmed by {second}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inputs (SHA-256)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-run from the record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gives the same result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DIFFERS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redraw reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{reason} ({count} earlier draws kept)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invigilator assignment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rooms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invigilators (★ computer skills)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reserve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not in the draw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DrawDialog</name>
    <message>
        <source>Redraw invigilators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draw invigilators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Art. 19: rooms are drawn at random; a second person confirms (art. 42).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Second person&apos;s staff number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Second person&apos;s credential</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason for the redraw</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Duration</name>
    <message>
        <source>{h} h {m} min {s} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{m} min {s} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{s} s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EntryCountdown</name>
    <message>
        <source>Entry closes {time}
{left} left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entry closed at {time}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>A credential may have at most {max_length} characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A credential may not be one character repeated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A credential may not be the staff number itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A credential must have at least {min_length} characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A handover goes between two different places, not from {from_place} to {to_place}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A misconduct record names at least one candidate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A redraw needs a reason; the earlier draw is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A second, different staff member must confirm this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A signed checkpoint cannot be read ({detail}): the checkpoint table was damaged or altered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A staff member with the role {role} may not confirm this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An amendment needs a reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An evidence range must end after it starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer sheets {barcode} are still in {place}, more than 30 minutes after the sitting ended.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Candidate {ticket} is seated more than once in sitting {sitting}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Candidate {ticket} was already admitted to room {room} in sitting {sitting}, and this revision moves them to another room ({count} admitted candidates changed in all). Nothing was imported: the province must list such candidates under deliberate_changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Candidate {ticket} was already admitted to room {room} in sitting {sitting}, and this revision takes them out of that sitting ({count} admitted candidates changed in all). Nothing was imported: the province must list such candidates under deliberate_changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Candidate {ticket} was already admitted to room {room} in sitting {sitting}, and this revision withdraws them ({count} admitted candidates changed in all). Nothing was imported: the province must list such candidates under deliberate_changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Candidate {ticket}: the {document_type} number {masked} is not valid ({problem}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Candidates {tickets} share one document number in sitting {sitting}; the desk could not tell them apart by their ID card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change your own credential with your current credential.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device entry {index} in {source} has no name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device entry {index} in {source} is not an object with a name and a kind.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device {name} in {source}: give its port or source.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device {name} in {source}: give the path of its vendor library (sdtapi.dll or libsdtapi.so) as its source.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device {name} in {source}: options must be an object of names and values.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device {name} in {source}: unknown kind {kind} (one of {kinds}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device {name} in {source}: unknown option {key} for a device of kind {kind}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device {name} in {source}: unknown setting {key}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device {name} in {source}: {key} must be 1001 to 1016 (a USB reader) or 1 to 16 (a serial port), or null to try them all, not {value}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device {name} in {source}: {key} must be a number above zero or null, not {value}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device {name} in {source}: {key} must be a number above zero, not {value}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device {name} in {source}: {key} must be a single character or null, not {value}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device {name} in {source}: {key} must be a whole number above zero, not {value}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device {name} in {source}: {key} must be an object with library (a path) and flavour (unpack or getbmp), not {value}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device {name} in {source}: {key} must be at least {other}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device {name} in {source}: {key} must be one of {choices}, not {value}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device {name} in {source}: {key} must be text, not {value}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device {name} in {source}: {key} must be true or false, not {value}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device {name} in {source}: {value} is a port, but this reader&apos;s source is its vendor library&apos;s file; the port goes in the option port.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entry is still open until {closes_at}; absences are marked when it closes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event {seq} cannot be read ({detail}): the row was damaged or altered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event {seq} does not follow the event before it: an event was removed, inserted or replaced here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event {seq} does not match its hash: its content was altered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event {seq} is not the event the signed checkpoint names: the trail was rewritten up to here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every device needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the chief examiner&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the chief examiner&apos;s staff number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the database server&apos;s address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the database user.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the database&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the provincial key&apos;s id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the provincial public key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the provincial server&apos;s address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the reason for keeping this video as evidence.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the reason for this change (art. 43).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the venue&apos;s code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the venue&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invigilators cannot be assigned as the rules require; rooms that cannot be staffed: {rooms}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No candidate with admission ticket {tickets}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No candidate with admission ticket {ticket}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No chief examiner is enrolled in this database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No computer called {host} can be found on the network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No exam package is imported yet, so give this venue&apos;s code (--venue CODE).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No handover {handover} is recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No incident {incident}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No package with the barcode {barcode} is in the exam package.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No secure keyring is available on this computer ({backend}), so the venue&apos;s data keys cannot be stored safely. Use a desktop session with a keyring (Windows Credential Locker, GNOME Keyring, KWallet), or let the administrator choose a plaintext key file explicitly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No secure keyring is available on this computer, so the sync credential cannot be kept. Use a computer with a keyring (Windows Credential Locker).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sitting {sitting} in this venue&apos;s package.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No staff member {staff} in this venue&apos;s roster.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing answers on {host} port {port}: is the database server running there, and does its firewall let this PC in?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a confirmed incident is amended; complete the draft instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a decision that asked for a check can be admitted after a check.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a serious incident is tracked until reported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only an SQLite database is restored here; restore PostgreSQL with pg_restore.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the demo can move the venue clock.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the invigilators of room {room} sign its record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Package {barcode} was handed over from {found_at}, but no handover had taken it there (last known: {last_known}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Package {barcode} was missing at the handover {from_place} → {to_place} and has not been found since.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record whether the candidate signed (or refused before two witnesses): {tickets}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revision {revision} was already imported with different content.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Room {room} ({kind}) cannot host sitting {sitting} ({mode}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Room {room} is already open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Room {room} is sealed until {until}: nobody hands in or leaves before then (art. 30).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Room {room} was never opened for this sitting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Room {room}: every item of the pre-exam checklist must be checked before it is signed off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Room {room}: papers are already collected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Room {room}: sign off the pre-exam checklist before opening the room.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Room {room}: the checklist is already signed off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Room {room}: the record is already signed and complete.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Room {room}: the record is signed after the papers are collected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Room {room}: {count} candidates are still sitting the exam.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say how the incident was reported and to whom.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan at least one package before recording the handover.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secure paper room: camera {camera} reports {kind}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secure paper room: motion on camera {camera} outside a handover window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secure paper room: {on_duty} on duty with papers in the room; at least 2 are required (art. 22(五)).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setting devices in {source} must be a list of devices, not {value}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setting {key} in {source} must be a full folder path (such as D:\VenueOps), not {value}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setting {key} in {source} must be a non-empty text, not {value}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setting {key} in {source} must be a whole number from {least} to {most}, not {value}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setting {key} in {source} must be one of the installed languages ({known}), not {value}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setting {key} in {source} must be one of {choices}, not {value}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setting {key} in {source} must be true or false, not {value}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setting {key} in {source} must map each key id to a public key, both texts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sitting {sitting} is already over.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sitting {sitting}, room {room}, seat {seat} is given to more than one candidate: {tickets}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff member {staff} is not a chief examiner in the roster.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff member {staff} is not in the roster; give a name and the venue to enrol them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored personal data ({context}) cannot be decrypted with this venue&apos;s key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync is not set up yet: give the provincial server&apos;s address and this venue&apos;s code (venue-ops sync configure URL --venue CODE).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync was cancelled. What the server acknowledged stays sent; the rest stays queued.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That candidate has already handed in or left.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That candidate is not listed on this incident.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That candidate was not admitted to room {room} in this sitting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That room is not used in this sitting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The audit trail ends at event {last}, but a signed checkpoint names event {signed}: events from {seq} on were removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The audit trail no longer holds the event {seq} that the last signed checkpoint names: it was shortened or rewritten. Nothing was signed; run audit verify.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup {path} fails SQLite&apos;s integrity check.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The candidate&apos;s signature status is already recorded on this incident.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The checkpoint at event {seq} does not carry this venue&apos;s signature: it was forged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data keys in this computer&apos;s keyring (entry {entry}, fingerprint {found}) are not the keys this database was encrypted with (fingerprint {expected}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database cannot be opened or reached: {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database cannot be reached. The log file says why in technical terms.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database server has no database called {database}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database server refused the user {user}: check the user and the password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database server {host} did not answer within {seconds} seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database {place} is damaged or is not a Venue Ops database. Nothing was changed. Restore the latest backup (venue-ops db restore FILE).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database {place} is read-only for this user, so nothing can be recorded. Nothing was changed. Make the file and its folder writable (or copy them to a writable disk).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk holding {place} is full ({free} free). Nothing already saved was lost; the last change was not saved. Free some space on that disk (or give a data folder on another disk), then do it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database has no {table} table: the audit trail was removed. Restore the latest backup and report this to the province.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The evidence file {path} cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The evidence file {path} is missing on this computer, so it cannot be sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The exam package arrived damaged (its SHA-256 does not match); nothing was imported. Try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The exam&apos;s ticket pattern {pattern} is not accepted ({problem}). Use only characters, classes such as [0-9] or \d, anchors, and bounded repeats.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The export could not be written to {path}: {detail}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file {place} does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The giving side needs at least two different staff members, each confirming with their own credential (art. 22(四)); {count} confirmed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key file {path} can be read by other users; it must have permissions 0600.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key file {path} is damaged: it does not hold a venue data key. Put back the key file from the venue&apos;s key backup; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keyring refused to read or store the data keys ({entry}): {problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keyring refused to read the sync credential: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The log could not be written to {path}: {detail}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The manifest says {field} is {manifest} but data.json says {data}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The package could not be applied to this database ({detail}); nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The package file is damaged or not an exam package ({detail}) {member}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The package file is {size} bytes; at most {limit} are accepted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The package holds a file it may not hold: {member} ({reason}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The package is signed with key {key_id}, which this venue does not trust.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The package lacks the file {member}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The package&apos;s signature does not verify with key {key_id}: it was altered after signing or not signed by the province.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The pinned certificate authority file {path} does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provincial public key is not an Ed25519 public key (64 hex digits or a PEM block).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provincial server address must start with https:// ({url}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provincial server address {url} must start with https://.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provincial server answered {attempts} times with something that is not a valid answer ({detail}). Nothing was marked as sent: the results stay queued and are sent next time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provincial server at {url} cannot be reached ({detail}). Nothing is lost: the results stay queued and are sent next time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provincial server failed (HTTP {status}) {attempts} times in a row. Nothing is lost: the results stay queued and are sent next time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provincial server refused the request (HTTP {status}: {detail}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provincial server refused this venue&apos;s credential (venue {venue}). Enter the credential the provincial agency issued; nothing was lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receiving side needs at least two different staff members, each confirming with their own credential (art. 22(四)); {count} confirmed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recording disk holds only {days} days of video at the current rate; {required} are required (3 months).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The results file for venue {venue} is authentic but its content is not a results export this server can read; nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The results file for venue {venue} was altered or not made with this venue&apos;s credential; nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The results file is venue {venue}&apos;s, not venue {sender}&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The results file is {size} bytes; at most {limit} are accepted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The results file names venue {venue}, which this server does not know.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The room&apos;s invigilators sign the record before the chief examiner&apos;s office.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same staff member cannot both give and receive papers (art. 22(四)).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The second person&apos;s confirmation is more than {minutes} minutes old; confirm again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server at {url} did not present a certificate this venue trusts, so nothing was sent ({detail}). Check the server address and the configured certificate authority.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings file {path} cannot be read: {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings file {path} does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings file {path} is larger than {limit} bytes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings file {path} is not UTF-8 text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings file {path} is not a JSON object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings file {path} is not valid JSON (line {line}, column {column}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The staff number or the credential is not correct.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two credentials are not the same.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The venue code {venue_code} may hold only letters, digits, &apos;-&apos;, &apos;_&apos; and &apos;.&apos; (at most 64).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The {field} of {member} does not match the signed manifest.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no incident category {category}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no room {room} in this venue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no screen called {screen}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These fields cannot be amended: {fields}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This account is locked after repeated failed attempts; try again in {minutes} min.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer holds no sync credential for venue {venue}; enter the credential the provincial agency issued.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This confirmation was already used; confirm again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This confirmation was given for another action or record; confirm this one again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This credential is one of the most common ones and is guessed first; choose another.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This credential was set by someone else. Set your own credential before confirming for others.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This database belongs to venue {venue_code}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This database has no chief examiner yet; enrol one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This database holds encrypted personal data, but this computer has no data keys for it (keyring entry {entry}, fingerprint {fingerprint}). Install the venue&apos;s keys from the key backup; new keys are not made because they could not read the existing data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This desk is locked; unlock it with your credential.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This file is already attached to the incident.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This file is not a Venue Ops results export.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This incident is already confirmed; correct it with an amendment and a reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This incident is already marked as reported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a sync credential issued by the province.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a venue data-key text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This needs a staff member&apos;s credential: give your staff number with --staff and your credential.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This package is for exam {package_exam}, but this database holds exam {exam}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This package is for venue {package_venue}, but this is venue {venue}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This package is revision {revision}; revision {current} is already imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This recording must be kept until {until} ({days} more days); it cannot be deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This recording segment is not in the index.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This sign-in has ended: the account was deactivated or its credential was reset. Sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This sitting is not in the exam package of this venue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This staff account is deactivated; ask the chief examiner.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This venue already has a staff member who manages accounts; ask them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket number {ticket} does not match the exam&apos;s pattern {pattern}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two devices are called {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two devices in {source} are called {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type at least two characters of the name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown setting {key} in {source}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Venue Ops may not use {place} ({detail}). Give this user access to it, or choose another folder in the settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Venue Ops may not use {place}: the disk is read-only. Use a writable disk, or choose another folder in the settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Venue Ops may not use {place}: this user has no permission for it. Give this user access to it, or choose another folder in the settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What was presented no longer points to the candidate that was checked; present the ticket and the card again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write down the action taken before confirming.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write down the facts before confirming.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write down why: a manual entry and an admission after a check keep their reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You cannot deactivate your own account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You have already signed this room record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your role ({role}) may not do this: {action}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pg_dump failed: {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pg_dump was not found on this computer&apos;s PATH.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} events match: a PDF holds at most {most}. Narrow the filter, or export them as CSV.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{member} holds a number longer than {digits} digits, or one that is not finite; an exam package never does.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{member} is in the package but not in its signed manifest.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{member} is not valid UTF-8 JSON (line {line}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{member} is {size} bytes; at most {limit} are accepted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{member} nests deeper than {limit} levels; an exam package never does.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{member}: {path} breaks the rule &apos;{rule}&apos; ({expected}) in {record}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is already on duty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is not on duty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{record} refers to {what} {key}, which the package does not hold.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{record}: {field} is not acceptable ({problem}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{url} is not a database address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong that the program did not expect. The technician&apos;s log has the details.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HandInDialog</name>
    <message>
        <source>Hand-in · room {room}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only for an emergency exit while sealed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The room is sealed until {time}: only an emergency exit is recorded now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Admission ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Emergency (reason)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HandoverDone</name>
    <message>
        <source>Recorded WITH DISCREPANCY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A draft incident was opened for the chief examiner: {lines}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handover recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} packages handed over, every one as expected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print handover form (PDF)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New handover (F2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HandoverForm</name>
    <message>
        <source>Paper handover form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sitting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Packages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirmed with personal credentials (art. 22(四))</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handover id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>complete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>with discrepancy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>intact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>broken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Giving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receiving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Barcode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seal number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirmed at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signature</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HandoverRoute</name>
    <message>
        <source>Every sitting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 · Where do the papers go?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sitting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next: scan packages</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HandoverWizard</name>
    <message>
        <source>Scan a package barcode (or type it and press Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Barcode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seal intact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next: confirmations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3 · Both sides confirm, each with their own credential</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credential</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record handover</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2 · Scan packages: {src} → {dst}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{code} is already scanned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scanned {scanned} · expected {expected} · problems {bad}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan at least one package first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Will be recorded WITH DISCREPANCY: {lines}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every package matches the manifest.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Giving: {giving}
Receiving: {receiving}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All four have confirmed. Record the handover.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Giving staff {n} confirms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receiving staff {n} confirms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each confirmation must come from a different staff member.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The form could not be written: {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handover form saved: {path}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IncidentForm</name>
    <message>
        <source>New incident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amend incident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complete incident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Admission tickets, separated by spaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Candidates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Facts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason for the amendment</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IncidentLog</name>
    <message>
        <source>Confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · amended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IncidentLogScreen</name>
    <message>
        <source>REPORT NOW</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>REPORT NOW · room {room} · {category} · {since} since it happened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No incidents recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sitting / room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Facts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirmed by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{at} by {via} to {to}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amendments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>signed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refused to sign, witnessed by {names}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>signature not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incident recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signature recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refusal to sign recorded with two witnesses.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incident confirmed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amendment recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marked as reported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence attached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Candidates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F2 Complete draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F3 Signed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F4 Refused to sign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F1 New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F6 Confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F7 Amend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F8 Reported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F9 Attach file</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LockOverlay</name>
    <message>
        <source>Locked after a period without use. Enter your credential to continue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LogScreen</name>
    <message>
        <source>Nothing in the log at this level.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the log for support</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} log lines saved to {path}, with names, ID, phone and ticket numbers masked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Debug</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Information</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Critical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Program log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F5 Read again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F7 Export for support</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoginScreen</name>
    <message>
        <source>Venue Ops</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credential</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. S0001</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your staff number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your credential.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Venue Ops</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ManualEntryDialog</name>
    <message>
        <source>Manual entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. the ticket&apos;s barcode does not scan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Admission ticket number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name on the document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason (required)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a ticket number, a document number, or both.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the name as printed on the document.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write down why the entry is typed by hand.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Misconduct</name>
    <message>
        <source>Art. 6(1) phone or forbidden item at the seat, not corrected after a warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Art. 6(2) identity or exam information not filled in after a warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Art. 6(3) own information or marks outside the allowed places</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Art. 6(4) not in the assigned seat or leaving without permission</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Art. 6(5) not the required paper and pen, or inconsistent handwriting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Art. 6(6) answering before the start or after the end signal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Art. 6(7) taking papers or answer sheets out of the room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Art. 6(8) damaging papers, answer sheets or exam computers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Art. 6(9) not using the exam system as required after a warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Art. 6(10) other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Art. 7(1) copying or helping others copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Art. 7(2) passing papers, answer sheets or scratch paper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Art. 7(3) sitting with a forged document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Art. 7(4) spreading questions or answers before the end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Art. 7(5) using a phone or forbidden electronics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Art. 7(6) other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Art. 8(1) collusion or organised cheating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Art. 8(2) sitting for someone else</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Art. 8(3) other especially serious case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Art. 9 disturbing order or obstructing staff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identity mismatch at check-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Late candidate refused entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Candidate fell ill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Emergency exit while sealed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seat change forced by a fault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong, missing or extra papers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seal found broken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computer, camera or monitoring failure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device or material confiscated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Power, network or fire emergency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paper custody discrepancy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leaked papers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collusion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mass interruption of the exam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch loss of answer data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incident damaging public opinion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other serious problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other incident</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Modes</name>
    <message>
        <source>Paper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computer-based</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audio/video</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NotYetAvailable</name>
    <message>
        <source>This screen is not available in this version yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OverviewScreen</name>
    <message>
        <source>Exam overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sitting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entry closes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sealed until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Candidates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No exam package has been imported yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{exam} · {venue} · package revision {rev} · {rooms} rooms · {candidates} candidates · {staff} staff</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PackageModel</name>
    <message>
        <source>not scanned yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PaperRoomScreen</name>
    <message>
        <source>Secure paper room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On duty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credential</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last {n} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why this video is evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep as evidence (2 years)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Video on disk: no recording rate measured yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Video on disk: {days} days at the current rate (90 required)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} on duty · {items} packages in the room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} · since {since}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fewer than two on duty since {since}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The video is kept as evidence for 2 years.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the staff number and the credential.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Permissions</name>
    <message>
        <source>import an exam package</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>manage staff accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>check candidates in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>confirm a check-in decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open and close rooms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>draw the invigilators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>record an incident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>confirm an incident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sign the room record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hand over exam papers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stand duty in the secure paper room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>manage the paper room&apos;s recordings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>see the control room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>send results to the provincial server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>back up or restore the database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>export results for a USB stick</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>configure the desk&apos;s devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read and verify the audit trail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read the log and export it for support</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Phases</name>
    <message>
        <source>Checklist pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready to open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entry closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hand-in allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Papers collected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record signed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProvincePage</name>
    <message>
        <source>Provincial server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where results are sent, and the key the province signs exam packages with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Public key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>64 hex digits, or a PEM block</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load the key from a file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This file does not hold a key.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportForm</name>
    <message>
        <source>Reported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. phone, exam-affairs system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To whom</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>Chief examiner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deputy chief examiner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invigilator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roving invigilator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Security staff</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RoomRecord</name>
    <message>
        <source>Emergency exit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Venue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sitting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>entry closes {entry} · sealed until {sealed}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checklist signed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Room opened / papers collected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invigilators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected {expected} · present {present} · absent {absent}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Room record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Absent candidates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Admission ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Candidates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Facts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hand-in and leaving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signatures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chief examiner</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RoomRecordScreen</name>
    <message>
        <source>My room records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Once the papers of your room are collected, read its record and sign it with your own credential. The chief examiner&apos;s office countersigns afterwards.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your credential</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign the record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are not drawn to a room in today&apos;s sittings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complete: countersigned by the chief examiner&apos;s office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You signed at {time}; the chief examiner&apos;s office countersigns next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Papers collected: your signature is needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed after the papers are collected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invigilators: {names}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened {opened} · papers collected {collected}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected {e} · present {p} · absent {a}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Absent: {names}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused entries: {n} · incidents: {i} · hand-ins and exits: {h}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signatures: {names}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type your own credential to sign.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Room {room}: your signature is on the room record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Room record saved: {path}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RoomTileWidget</name>
    <message>
        <source>In {admitted}/{expected} · absent {absent}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected {expected} · admitted {admitted} · absent {absent}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ {count} to confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} handed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no invigilators drawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starts in {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entry closes in {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sealed for {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ends in {time}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Screens</name>
    <message>
        <source>Exam overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check-in desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Control room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timer view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My room records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paper custody</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secure paper room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provincial sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Program log</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchDialog</name>
    <message>
        <source>Find by name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At least two characters of the name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Admission ticket lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>room {room} seat {seat}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody of this sitting has that name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick the candidate from the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write down why.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SetOwnCredentialPage</name>
    <message>
        <source>Set your own credential</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone else set the credential you signed in with. Choose your own now: until you do, you cannot confirm or cosign for others.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>Venue Ops: first-run set-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setting up the database…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SimulatorPanel</name>
    <message>
        <source>Candidates of this door</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Candidates of room {room}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simulated devices (demo)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Own ID card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone else&apos;s card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expired card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Late (start + 6 min)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unplug reader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plug reader in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to real time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick a candidate, then present their card and scan their ticket in either order.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>Venue Ops cannot start</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncCLI</name>
    <message>
        <source>Venue {venue} now syncs with {url}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sync credential is stored in this computer&apos;s keyring.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting to be sent: {pending} ({kinds}). Last success: {last}. Clock skew: {skew}. Last error: {error}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent {records} records and {files} files; the province verified the audit trail. Not accepted: {refused}. Clock skew: {skew}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent {records} records and {files} files, but the province could NOT verify the audit trail. Not accepted: {refused}. Clock skew: {skew}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Results written to {path}: {records} records, {files} files (encrypted).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exam package revision {rev} downloaded and imported: {candidates} candidates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exam package revision {rev} is already imported; nothing changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync credential: </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncKinds</name>
    <message>
        <source>Admissions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Absences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Information changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Room records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custody handovers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custody discrepancies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duty-log gaps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paper-room evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff assignments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit-trail events</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncScreen</name>
    <message>
        <source>Sending to the provincial server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping after the current step…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export results for USB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Venue results (*.vor)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the encrypted results file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloading the exam package…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent {records} records and {files} files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The province could NOT verify the audit trail: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} records were not accepted and stay queued.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Results written to {path}: {records} records, {files} files (encrypted).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exam package revision {rev} is already imported; nothing changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exam package revision {rev} downloaded and imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{done} of {total} records · {mb_done} of {mb_total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server: {url} · venue {venue}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync is not set up yet (venue-ops sync configure).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting to be sent: {n} records.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting to be sent: {n} records, {mb} of evidence files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything recorded so far has been sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not known yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this PC is {s:.1f} s ahead of the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this PC is {s:.1f} s behind the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not checked yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>verified by the province</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NOT verified by the province</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last attempt failed: {why}. The results stay queued.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server could not be reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server kept failing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server refused this venue&apos;s credential</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server&apos;s certificate is not trusted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it was cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this computer holds no sync credential</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an evidence file is missing on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records %p%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence files %p%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provincial sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last success</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clock skew</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F5  Send now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Esc  Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F6  Export for USB…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F7  Fetch exam package</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimerView</name>
    <message>
        <source>No sitting today.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Room {room}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starts in {left} (at {start})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time left {left} (ends {end})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The exam has ended ({end}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hand-in and leaving are allowed now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hand-in and leaving from {time}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VenuePage</name>
    <message>
        <source>Venue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The venue code is the one in the province&apos;s notice and on the exam package.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Venue code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Venue name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>District</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This desk&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Desk 1 at the east gate</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VerdictPanel</name>
    <message>
        <source>Next candidate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan the admission ticket or place the identity card on the reader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document belongs to: {name}, ticket {ticket}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registration photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No registration photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chip photo cannot be shown at this desk: compare the face with the registration photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The card&apos;s chip photo could not be decoded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No card read yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket {ticket}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Room {room}  Seat {seat}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No seat in this sitting</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This PC has not been set up yet. The next pages ask for the venue, the provincial server, the database, the devices at this desk and the first chief examiner. Nothing is saved until the last page is done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WitnessForm</name>
    <message>
        <source>Second witness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Witness staff number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Witness credential</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What happened</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>My credential</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change my credential ({key})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
