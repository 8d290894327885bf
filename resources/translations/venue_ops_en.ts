<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
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
</context>
<context>
    <name>Errors</name>
    <message>
        <source>A credential may have at most {max_length} characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A credential must have at least {min_length} characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A second, different staff member must confirm this: {action}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A staff member with the role {role} may not confirm this: {action}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Candidate {ticket} is seated more than once in sitting {sitting}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Candidate {ticket}: the {document_type} number {masked} is not valid ({problem}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change your own credential with your current credential.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the reason for this change (art. 43).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No chief examiner is enrolled in this database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No secure keyring is available on this computer ({backend}), so the venue&apos;s data keys cannot be stored safely. Use a desktop session with a keyring (Windows Credential Locker, GNOME Keyring, KWallet), or let the administrator choose a plaintext key file explicitly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No staff member {staff} in this venue&apos;s roster.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only an SQLite database is restored here; restore PostgreSQL with pg_restore.</source>
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
        <source>Setting {key} in {source} must be {expected}, not {value!r}.</source>
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
        <source>The backup {path} fails SQLite&apos;s integrity check.</source>
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
        <source>The key file {path} can be read by other users; it must have permissions 0600.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keyring refused to read or store the data keys ({entry}): {problem}</source>
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
        <source>The settings file {path} cannot be read: {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings file {path} is not a JSON object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The staff number or the credential is not correct.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The {field} of {member} does not match the signed manifest.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no screen called {screen}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This account is locked after repeated failed attempts; try again in {minutes} min.</source>
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
        <source>This is not a venue data-key text.</source>
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
        <source>Unknown setting {key} in {source}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You cannot deactivate your own account.</source>
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
        <source>{member}: {path} breaks the rule &apos;{rule}&apos; ({expected}) in {record}.</source>
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
        <source>Something went wrong that the program did not expect. The technician&apos;s log has the details.</source>
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
</context>
<context>
    <name>Workspace</name>
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
