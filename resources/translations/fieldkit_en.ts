<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ActDialog</name>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="250"/>
        <location filename="../../fieldkit/ui/persons.py" line="251"/>
        <source>Add an act</source>
        <translation>Add an act</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="258"/>
        <location filename="../../fieldkit/ui/persons.py" line="263"/>
        <source>Act type</source>
        <translation>Act type</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="267"/>
        <location filename="../../fieldkit/ui/persons.py" line="275"/>
        <source>Victims</source>
        <translation>Victims</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="279"/>
        <source>Perpetrators and their involvement</source>
        <translation>Perpetrators and their involvement</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="280"/>
        <source>Perpetrator</source>
        <translation>Perpetrator</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="281"/>
        <source>Involvement</source>
        <translation>Involvement</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="292"/>
        <source>Involvement of {who}</source>
        <translation>Involvement of {who}</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="298"/>
        <source>Perpetrators</source>
        <translation>Perpetrators</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="300"/>
        <source>Add the persons involved first (victims, perpetrators).</source>
        <translation>Add the persons involved first (victims, perpetrators).</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="306"/>
        <source>What happened in this act</source>
        <translation>What happened in this act</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="308"/>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="355"/>
        <source>Adding an act</source>
        <translation>Adding an act</translation>
    </message>
</context>
<context>
    <name>AudiencePage</name>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="136"/>
        <source>Who will read it?</source>
        <translation>Who will read it?</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="137"/>
        <source>The audience decides what the dossier and its bundle leave out. Nothing removed can be recovered from them.</source>
        <translation>The audience decides what the dossier and its bundle leave out. Nothing removed can be recovered from them.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="140"/>
        <source>Internal (our organisation)</source>
        <translation>Internal (our organisation)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="141"/>
        <source>Everything: names and contacts of people, every testimony, the GPS position of evidence.</source>
        <translation>Everything: names and contacts of people, every testimony, the GPS position of evidence.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="143"/>
        <source>Partners</source>
        <translation>Partners</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="144"/>
        <source>Leaves out incidents not cleared for partners and testimonies given without consent to share with partners. People appear by pseudonym only: no names, no contacts.</source>
        <translation>Leaves out incidents not cleared for partners and testimonies given without consent to share with partners. People appear by pseudonym only: no names, no contacts.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="147"/>
        <source>Public</source>
        <translation>Public</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="148"/>
        <source>Only incidents and testimonies cleared for publication; people by pseudonym only; the GPS position of evidence is removed too.</source>
        <translation>Only incidents and testimonies cleared for publication; people by pseudonym only; the GPS position of evidence is removed too.</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="68"/>
        <source>Audit</source>
        <extracomment>The registry&apos;s request names (route names), offered in the action filter.</extracomment>
        <translation>Audit</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="81"/>
        <source>Registry audit log</source>
        <translation>Registry audit log</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="82"/>
        <location filename="../../fieldkit/ui/audit.py" line="211"/>
        <source>Sync log on this device</source>
        <translation>Sync log on this device</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="83"/>
        <source>Log checkpoint</source>
        <translation>Log checkpoint</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="96"/>
        <source>Filter by device</source>
        <translation>Filter by device</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="98"/>
        <location filename="../../fieldkit/ui/audit.py" line="349"/>
        <location filename="../../fieldkit/ui/audit.py" line="400"/>
        <source>Any device</source>
        <translation>Any device</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="101"/>
        <source>Filter by action</source>
        <translation>Filter by action</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="102"/>
        <source>Any action</source>
        <translation>Any action</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="107"/>
        <source>Filter by outcome</source>
        <translation>Filter by outcome</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="108"/>
        <source>Any outcome</source>
        <translation>Any outcome</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="109"/>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="109"/>
        <source>refused</source>
        <translation>refused</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="109"/>
        <source>error</source>
        <translation>error</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="113"/>
        <location filename="../../fieldkit/ui/audit.py" line="154"/>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="117"/>
        <source>From date (UTC)</source>
        <translation>From date (UTC)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="118"/>
        <source>To</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="122"/>
        <source>To date, inclusive (UTC)</source>
        <translation>To date, inclusive (UTC)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="130"/>
        <location filename="../../fieldkit/ui/audit.py" line="132"/>
        <source>Apply filters</source>
        <translation>Apply filters</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="136"/>
        <source>Device:</source>
        <translation>Device:</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="138"/>
        <source>Action:</source>
        <translation>Action:</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="140"/>
        <source>Outcome:</source>
        <translation>Outcome:</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="150"/>
        <source>Registry audit events</source>
        <translation>Registry audit events</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="152"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="152"/>
        <location filename="../../fieldkit/ui/audit.py" line="213"/>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="152"/>
        <source>Device</source>
        <translation>Device</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="152"/>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="153"/>
        <location filename="../../fieldkit/ui/audit.py" line="213"/>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="153"/>
        <location filename="../../fieldkit/ui/audit.py" line="213"/>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="153"/>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="153"/>
        <source>Path</source>
        <translation>Path</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="154"/>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="161"/>
        <source>Previous page</source>
        <translation>Previous page</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="165"/>
        <source>Next page</source>
        <translation>Next page</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="169"/>
        <source>Export this page…</source>
        <translation>Export this page…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="171"/>
        <source>Export this page as CSV</source>
        <translation>Export this page as CSV</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="173"/>
        <source>Export all matching…</source>
        <translation>Export all matching…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="176"/>
        <source>Export every matching event as CSV</source>
        <translation>Export every matching event as CSV</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="180"/>
        <source>Export progress</source>
        <translation>Export progress</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="182"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="196"/>
        <source>Audit log status</source>
        <translation>Audit log status</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="154"/>
        <location filename="../../fieldkit/ui/audit.py" line="213"/>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="159"/>
        <source>Previous</source>
        <translation>Previous</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="163"/>
        <source>Next</source>
        <translation>Next</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="227"/>
        <source>Checkpoint verification</source>
        <translation>Checkpoint verification</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="238"/>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="239"/>
        <source>Log:</source>
        <translation>Log:</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="240"/>
        <source>Entries (size):</source>
        <translation>Entries (size):</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="241"/>
        <source>Root hash:</source>
        <translation>Root hash:</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="242"/>
        <source>Consistency verified at:</source>
        <translation>Consistency verified at:</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="309"/>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="311"/>
        <source>Reading the audit log</source>
        <translation>Reading the audit log</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="343"/>
        <source>Reading the sync log</source>
        <translation>Reading the sync log</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="353"/>
        <source>(revoked)</source>
        <translation>(revoked)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="378"/>
        <source>Events {first}–{last}</source>
        <translation>Events {first}–{last}</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="381"/>
        <source>No events match these filters.</source>
        <translation>No events match these filters.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="389"/>
        <source>Page {n}</source>
        <translation>Page {n}</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="437"/>
        <source>Save the audit log as CSV</source>
        <translation>Save the audit log as CSV</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="438"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="472"/>
        <source>Saved {n} events to {path}.</source>
        <translation>Saved {n} events to {path}.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="479"/>
        <source>Export cancelled; no file was written.</source>
        <translation>Export cancelled; no file was written.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="485"/>
        <source>Exporting the audit log</source>
        <translation>Exporting the audit log</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="498"/>
        <source>Does NOT verify: {why}</source>
        <translation>Does NOT verify: {why}</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="504"/>
        <source>No checkpoint yet: sync once.</source>
        <translation>No checkpoint yet: sync once.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="509"/>
        <source>Registry distrusted: {why}</source>
        <translation>Registry distrusted: {why}</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="514"/>
        <source>Verified: signed by the pinned log key and consistent with the {n} checkpoints kept before it.</source>
        <translation>Verified: signed by the pinned log key and consistent with the {n} checkpoints kept before it.</translation>
    </message>
</context>
<context>
    <name>AutoLockDialog</name>
    <message>
        <location filename="../../fieldkit/ui/autolock.py" line="82"/>
        <source>Auto-lock</source>
        <translation>Auto-lock</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/autolock.py" line="89"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/autolock.py" line="90"/>
        <source>Lock after idle minutes</source>
        <translation>Lock after idle minutes</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/autolock.py" line="91"/>
        <source>Lock after this many idle &amp;minutes (0: never):</source>
        <translation>Lock after this many idle &amp;minutes (0: never):</translation>
    </message>
</context>
<context>
    <name>CategoryCombo</name>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="211"/>
        <source>Choose a category</source>
        <translation>Choose a category</translation>
    </message>
</context>
<context>
    <name>CountryCombo</name>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="156"/>
        <source>Type to search for a country</source>
        <extracomment>Codes Qt knows that are not countries.</extracomment>
        <translation>Type to search for a country</translation>
    </message>
</context>
<context>
    <name>CreateVaultPage</name>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="182"/>
        <source>Create your vault</source>
        <translation>Create your vault</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="184"/>
        <source>Everything you record is encrypted on this computer with a key protected by your passphrase. Choose several words you can remember; nobody can reset it.</source>
        <translation>Everything you record is encrypted on this computer with a key protected by your passphrase. Choose several words you can remember; nobody can reset it.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="186"/>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Passphrase:</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="187"/>
        <source>&amp;Repeat it:</source>
        <translation>&amp;Repeat it:</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="188"/>
        <source>Also set a &amp;duress passphrase</source>
        <translation>Also set a &amp;duress passphrase</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="189"/>
        <source>D&amp;uress passphrase:</source>
        <translation>D&amp;uress passphrase:</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="191"/>
        <source>Typed instead of the real passphrase, it silently destroys this vault and opens an empty one.</source>
        <translation>Typed instead of the real passphrase, it silently destroys this vault and opens an empty one.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="193"/>
        <source>&amp;Create vault</source>
        <translation>&amp;Create vault</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="194"/>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="195"/>
        <source>Repeat the passphrase</source>
        <translation>Repeat the passphrase</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="196"/>
        <source>Duress passphrase</source>
        <translation>Duress passphrase</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="197"/>
        <source>Passphrase strength</source>
        <translation>Passphrase strength</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="204"/>
        <source>Too short: use at least {n} characters, better several words.</source>
        <translation>Too short: use at least {n} characters, better several words.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="206"/>
        <source>Weak: add more words.</source>
        <translation>Weak: add more words.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="207"/>
        <source>Fair: one or two more words would help.</source>
        <translation>Fair: one or two more words would help.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="208"/>
        <source>Good.</source>
        <translation>Good.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="209"/>
        <source>Strong.</source>
        <translation>Strong.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="232"/>
        <source>The two passphrases differ.</source>
        <translation>The two passphrases differ.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="233"/>
        <source>Type the same passphrase twice.</source>
        <translation>Type the same passphrase twice.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="255"/>
        <source>Creating the vault</source>
        <translation>Creating the vault</translation>
    </message>
</context>
<context>
    <name>CustodyTimeline</name>
    <message>
        <location filename="../../fieldkit/ui/custody.py" line="51"/>
        <location filename="../../fieldkit/ui/custody.py" line="53"/>
        <source>Chain of custody</source>
        <extracomment>Actions offered (any other text may be typed).</extracomment>
        <translation>Chain of custody</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/custody.py" line="56"/>
        <source>Custody events, oldest first</source>
        <translation>Custody events, oldest first</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/custody.py" line="58"/>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/custody.py" line="58"/>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/custody.py" line="58"/>
        <source>By</source>
        <translation>By</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/custody.py" line="59"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/custody.py" line="59"/>
        <source>Sealed record</source>
        <translation>Sealed record</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/custody.py" line="63"/>
        <source>Custody action</source>
        <translation>Custody action</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/custody.py" line="65"/>
        <source>transferred</source>
        <translation>transferred</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/custody.py" line="65"/>
        <source>copied</source>
        <translation>copied</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/custody.py" line="65"/>
        <source>verified</source>
        <translation>verified</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/custody.py" line="66"/>
        <source>viewed</source>
        <translation>viewed</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/custody.py" line="66"/>
        <source>handed over</source>
        <translation>handed over</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/custody.py" line="66"/>
        <source>stored</source>
        <translation>stored</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/custody.py" line="71"/>
        <source>Custody note</source>
        <translation>Custody note</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/custody.py" line="72"/>
        <source>To whom, where, why</source>
        <translation>To whom, where, why</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/custody.py" line="74"/>
        <source>Add event</source>
        <translation>Add event</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/custody.py" line="76"/>
        <source>Add a custody event (sealed at once)</source>
        <translation>Add a custody event (sealed at once)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/custody.py" line="124"/>
        <source>Chain of custody: {error}</source>
        <translation>Chain of custody: {error}</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/custody.py" line="127"/>
        <source>Reading the chain of custody</source>
        <translation>Reading the chain of custody</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/custody.py" line="135"/>
        <source>this device</source>
        <translation>this device</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/custody.py" line="139"/>
        <source>in the record</source>
        <translation>in the record</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/custody.py" line="154"/>
        <source>Say what happened to the evidence.</source>
        <translation>Say what happened to the evidence.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/custody.py" line="155"/>
        <source>For example: handed over, copied.</source>
        <translation>For example: handed over, copied.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/custody.py" line="171"/>
        <source>Sealing a custody event</source>
        <translation>Sealing a custody event</translation>
    </message>
</context>
<context>
    <name>DossierWizard</name>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="284"/>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="285"/>
        <source>Export a dossier</source>
        <translation>Export a dossier</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="329"/>
        <source>Selecting, verifying and rendering…</source>
        <translation>Selecting, verifying and rendering…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="358"/>
        <source>Cancelled. No file was written.</source>
        <translation>Cancelled. No file was written.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="360"/>
        <source>The dossier was not written.</source>
        <translation>The dossier was not written.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="366"/>
        <source>Exporting the dossier</source>
        <translation>Exporting the dossier</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="372"/>
        <source>Dossier: {path} ({pages} pages, {n} incidents)</source>
        <translation>Dossier: {path} ({pages} pages, {n} incidents)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="375"/>
        <source>Bundle: {path}</source>
        <translation>Bundle: {path}</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="376"/>
        <source>Contents digest (printed in the dossier): {digest}</source>
        <translation>Contents digest (printed in the dossier): {digest}</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="378"/>
        <source>Anyone can check it with: fieldkit verify {bundle} --dossier {pdf}</source>
        <translation>Anyone can check it with: fieldkit verify {bundle} --dossier {pdf}</translation>
    </message>
</context>
<context>
    <name>EnrollDialog</name>
    <message>
        <location filename="../../fieldkit/ui/enroll.py" line="97"/>
        <source>Enrol this vault</source>
        <extracomment>A photo of a QR code is a few MiB at most; refuse anything far larger before decoding.</extracomment>
        <translation>Enrol this vault</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/enroll.py" line="98"/>
        <source>Enrol this vault with a registry</source>
        <translation>Enrol this vault with a registry</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/enroll.py" line="101"/>
        <source>Paste the enrolment code an administrator gave you (it starts with FKE1.), or open a photo of its QR code.</source>
        <translation>Paste the enrolment code an administrator gave you (it starts with FKE1.), or open a photo of its QR code.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/enroll.py" line="106"/>
        <source>Enrolment code</source>
        <translation>Enrolment code</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/enroll.py" line="110"/>
        <source>Open QR image…</source>
        <translation>Open QR image…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/enroll.py" line="112"/>
        <source>Open a QR code image</source>
        <translation>Open a QR code image</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/enroll.py" line="116"/>
        <source>Name of this device</source>
        <translation>Name of this device</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/enroll.py" line="117"/>
        <source>e.g. field laptop 3</source>
        <translation>e.g. field laptop 3</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/enroll.py" line="123"/>
        <source>&amp;Code:</source>
        <translation>&amp;Code:</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/enroll.py" line="126"/>
        <source>Device &amp;name:</source>
        <translation>Device &amp;name:</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/enroll.py" line="130"/>
        <source>Enrolment error</source>
        <translation>Enrolment error</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/enroll.py" line="136"/>
        <source>Enrolment result</source>
        <translation>Enrolment result</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/enroll.py" line="142"/>
        <source>&amp;Enrol</source>
        <translation>&amp;Enrol</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/enroll.py" line="145"/>
        <source>Enrol</source>
        <translation>Enrol</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/enroll.py" line="183"/>
        <source>Open the enrolment QR image</source>
        <translation>Open the enrolment QR image</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/enroll.py" line="184"/>
        <source>Images (*.png *.jpg *.jpeg *.bmp *.gif *.webp);;All files (*)</source>
        <translation>Images (*.png *.jpg *.jpeg *.bmp *.gif *.webp);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/enroll.py" line="208"/>
        <source>Reading the QR code</source>
        <translation>Reading the QR code</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/enroll.py" line="235"/>
        <source>monitor</source>
        <translation>monitor</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/enroll.py" line="235"/>
        <source>staff</source>
        <translation>staff</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/enroll.py" line="236"/>
        <source>administrator</source>
        <translation>administrator</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/enroll.py" line="238"/>
        <source>Enrolled as {role} with {url}.
Pinned certificate fingerprint (SHA-256):
{fingerprint}
This device: {key}</source>
        <translation>Enrolled as {role} with {url}.
Pinned certificate fingerprint (SHA-256):
{fingerprint}
This device: {key}</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/enroll.py" line="255"/>
        <source>Enrolling</source>
        <translation>Enrolling</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <location filename="../../fieldkit/ui/errors.py" line="27"/>
        <source>FieldKit</source>
        <extracomment>Object name of the dialog (tests find it with QApplication.topLevelWidgets()).</extracomment>
        <translation>FieldKit</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/errors.py" line="31"/>
        <source>Error code: {code}</source>
        <translation>Error code: {code}</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/errors.py" line="33"/>
        <source>Error</source>
        <translation>Error</translation>
    </message>
</context>
<context>
    <name>EvidenceImportDialog</name>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="165"/>
        <location filename="../../fieldkit/ui/evidence.py" line="166"/>
        <source>Import evidence</source>
        <translation>Import evidence</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="175"/>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="178"/>
        <source>Evidence description</source>
        <translation>Evidence description</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="180"/>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="183"/>
        <source>Captured at (optional)</source>
        <translation>Captured at (optional)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="186"/>
        <source>Captured at</source>
        <translation>Captured at</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="190"/>
        <source>Latitude (optional)</source>
        <translation>Latitude (optional)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="191"/>
        <source>latitude, e.g. 43.2389</source>
        <translation>latitude, e.g. 43.2389</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="194"/>
        <source>Longitude (optional)</source>
        <translation>Longitude (optional)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="195"/>
        <source>longitude, e.g. 76.8897</source>
        <translation>longitude, e.g. 76.8897</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="199"/>
        <source>GPS</source>
        <translation>GPS</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="203"/>
        <source>Import progress</source>
        <translation>Import progress</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="206"/>
        <source>Ready to import. The file is encrypted into the vault; the original is not changed.</source>
        <translation>Ready to import. The file is encrypted into the vault; the original is not changed.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="212"/>
        <source>SHA-256 of the imported file</source>
        <translation>SHA-256 of the imported file</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="219"/>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="223"/>
        <source>Cancel import</source>
        <translation>Cancel import</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="225"/>
        <source>Cancel the import</source>
        <translation>Cancel the import</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="227"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="254"/>
        <source>GPS needs both a latitude and a longitude, as decimal degrees.</source>
        <translation>GPS needs both a latitude and a longitude, as decimal degrees.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="256"/>
        <source>For example 43.2389 and 76.8897.</source>
        <translation>For example 43.2389 and 76.8897.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="268"/>
        <source>Importing {name}…</source>
        <translation>Importing {name}…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="277"/>
        <source>Importing evidence</source>
        <translation>Importing evidence</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="287"/>
        <source>Imported and encrypted. SHA-256:</source>
        <translation>Imported and encrypted. SHA-256:</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="290"/>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="305"/>
        <source>Import cancelled: nothing was added to the vault.</source>
        <translation>Import cancelled: nothing was added to the vault.</translation>
    </message>
</context>
<context>
    <name>EvidencePanel</name>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="383"/>
        <source>Evidence</source>
        <extracomment>A file import dialog opened (tests drive it; the editor does not need it). The incident after a file was added to it.</extracomment>
        <translation>Evidence</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="387"/>
        <source>Evidence files (drop files here to import them)</source>
        <translation>Evidence files (drop files here to import them)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="390"/>
        <source>Import file…</source>
        <translation>Import file…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="392"/>
        <source>Import an evidence file</source>
        <translation>Import an evidence file</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="415"/>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="451"/>
        <source>Save the draft first, then import files or drop them on the list.</source>
        <translation>Save the draft first, then import files or drop them on the list.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="454"/>
        <source>Sealed: no files can be added. Custody events can.</source>
        <translation>Sealed: no files can be added. Custody events can.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="456"/>
        <source>Or drop files on the list.</source>
        <translation>Or drop files on the list.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="484"/>
        <source>Import evidence files</source>
        <translation>Import evidence files</translation>
    </message>
</context>
<context>
    <name>EvidencePreview</name>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="113"/>
        <source>Preview</source>
        <extracomment>Images larger than this are not previewed (they would be decrypted into memory whole). Previews are scaled to fit this square.</extracomment>
        <translation>Preview</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="122"/>
        <source>No preview for this type of file.</source>
        <translation>No preview for this type of file.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="125"/>
        <source>Decrypting the preview…</source>
        <translation>Decrypting the preview…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="144"/>
        <source>Decrypting a preview</source>
        <translation>Decrypting a preview</translation>
    </message>
</context>
<context>
    <name>IncidentEditor</name>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="338"/>
        <source>Incident editor</source>
        <translation>Incident editor</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="347"/>
        <source>Record state</source>
        <translation>Record state</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="351"/>
        <source>Save draft</source>
        <translation>Save draft</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="352"/>
        <source>Save the draft</source>
        <translation>Save the draft</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="353"/>
        <source>Seal…</source>
        <translation>Seal…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="354"/>
        <source>Seal this incident (sign it; it cannot be edited afterwards)</source>
        <translation>Seal this incident (sign it; it cannot be edited afterwards)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="356"/>
        <source>Amend</source>
        <translation>Amend</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="357"/>
        <location filename="../../fieldkit/ui/editor.py" line="602"/>
        <source>Start a new revision of this sealed record</source>
        <translation>Start a new revision of this sealed record</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="359"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="360"/>
        <source>Close the editor</source>
        <translation>Close the editor</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="364"/>
        <source>Annotations</source>
        <translation>Annotations</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="384"/>
        <source>Internal</source>
        <translation>Internal</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="384"/>
        <source>Only our organisation&apos;s staff</source>
        <translation>Only our organisation&apos;s staff</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="385"/>
        <source>Partners</source>
        <translation>Partners</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="385"/>
        <source>Staff and trusted partners</source>
        <translation>Staff and trusted partners</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="386"/>
        <source>Public</source>
        <translation>Public</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="386"/>
        <source>May be published</source>
        <translation>May be published</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="391"/>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="392"/>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="393"/>
        <source>Date precision</source>
        <translation>Date precision</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="394"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="395"/>
        <source>End date</source>
        <translation>End date</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="396"/>
        <source>Country</source>
        <translation>Country</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="397"/>
        <location filename="../../fieldkit/ui/editor.py" line="410"/>
        <source>Place</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="398"/>
        <location filename="../../fieldkit/ui/editor.py" line="411"/>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="400"/>
        <location filename="../../fieldkit/ui/editor.py" line="412"/>
        <source>Confidentiality</source>
        <translation>Confidentiality</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="406"/>
        <source>Title *</source>
        <translation>Title *</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="407"/>
        <source>Category *</source>
        <translation>Category *</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="408"/>
        <source>When *</source>
        <translation>When *</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="409"/>
        <source>Country *</source>
        <translation>Country *</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="417"/>
        <source>Persons (by pseudonym)</source>
        <translation>Persons (by pseudonym)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="418"/>
        <source>Add person…</source>
        <translation>Add person…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="419"/>
        <source>Add a person</source>
        <translation>Add a person</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="420"/>
        <location filename="../../fieldkit/ui/editor.py" line="429"/>
        <source>Acts</source>
        <translation>Acts</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="421"/>
        <source>Add act…</source>
        <translation>Add act…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="422"/>
        <source>Add an act</source>
        <translation>Add an act</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="425"/>
        <source>Persons are shown by pseudonym. Real names are optional and internal only.</source>
        <translation>Persons are shown by pseudonym. Real names are optional and internal only.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="434"/>
        <location filename="../../fieldkit/ui/editor.py" line="450"/>
        <source>Testimonies</source>
        <translation>Testimonies</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="435"/>
        <source>Add testimony…</source>
        <translation>Add testimony…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="436"/>
        <source>Add a testimony</source>
        <translation>Add a testimony</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="448"/>
        <source>Incident</source>
        <translation>Incident</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="449"/>
        <source>Persons and acts</source>
        <translation>Persons and acts</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="451"/>
        <source>Evidence</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="471"/>
        <source>Opening…</source>
        <translation>Opening…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="550"/>
        <source>Opening the incident</source>
        <translation>Opening the incident</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="569"/>
        <source>The vault is locked.</source>
        <translation>The vault is locked.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="603"/>
        <source>Another device sealed this record: only that device may amend it.</source>
        <translation>Another device sealed this record: only that device may amend it.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="645"/>
        <source>{kind}: victims {victims}; perpetrators {perps}</source>
        <translation>{kind}: victims {victims}; perpetrators {perps}</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="659"/>
        <source>Annotations sealed beside this record (they do not change it):</source>
        <translation>Annotations sealed beside this record (they do not change it):</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="660"/>
        <source>{at}, by device {device}: {text}</source>
        <translation>{at}, by device {device}: {text}</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="669"/>
        <source>New incident — not saved yet.</source>
        <translation>New incident — not saved yet.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="672"/>
        <source>Conflict — record {id} claims to amend {prev}, which it may not replace: only the device that sealed a record may amend it, and only within the same incident. It is kept but replaces nothing; {prev} stays current.</source>
        <translation>Conflict — record {id} claims to amend {prev}, which it may not replace: only the device that sealed a record may amend it, and only within the same incident. It is kept but replaces nothing; {prev} stays current.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="679"/>
        <source>Two revisions — the device that sealed {id} also sealed another current revision of this incident ({others}). Both are kept; exports ask you to choose one by its record id.</source>
        <translation>Two revisions — the device that sealed {id} also sealed another current revision of this incident ({others}). Both are kept; exports ask you to choose one by its record id.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="686"/>
        <source>Sealed and superseded — record {id}, sealed {at}. A newer revision replaces it: {new}.</source>
        <translation>Sealed and superseded — record {id}, sealed {at}. A newer revision replaces it: {new}.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="692"/>
        <source>Sealed by another device — record {id}, sealed {at}. Read-only: only the device that sealed it may amend it; annotate it to add a correction beside it.</source>
        <translation>Sealed by another device — record {id}, sealed {at}. Read-only: only the device that sealed it may amend it; annotate it to add a correction beside it.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="698"/>
        <source>Sealed — record {id}, sealed {at}. Read-only: use Amend to correct it.</source>
        <translation>Sealed — record {id}, sealed {at}. Read-only: use Amend to correct it.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="703"/>
        <source>Draft {id} — not sealed yet; you can still edit it.</source>
        <translation>Draft {id} — not sealed yet; you can still edit it.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="706"/>
        <source>It amends the sealed record {id}.</source>
        <translation>It amends the sealed record {id}.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="708"/>
        <source>{n} record(s) of other devices claim to amend this one; they replace nothing.</source>
        <translation>{n} record(s) of other devices claim to amend this one; they replace nothing.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="726"/>
        <source>Choose a category.</source>
        <translation>Choose a category.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="727"/>
        <source>Pick the category that fits best; it can be changed until the record is sealed.</source>
        <translation>Pick the category that fits best; it can be changed until the record is sealed.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="731"/>
        <source>Choose the country where it happened.</source>
        <translation>Choose the country where it happened.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="732"/>
        <source>Type part of the country&apos;s name to find it.</source>
        <translation>Type part of the country&apos;s name to find it.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="771"/>
        <source>Saving the incident</source>
        <translation>Saving the incident</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="846"/>
        <source>Starting a revision</source>
        <translation>Starting a revision</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="861"/>
        <location filename="../../fieldkit/ui/editor.py" line="866"/>
        <source>Unsaved changes</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="862"/>
        <source>Save the changes to this draft?</source>
        <translation>Save the changes to this draft?</translation>
    </message>
</context>
<context>
    <name>IncidentModel</name>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="58"/>
        <source>Title</source>
        <extracomment>After a change, reload at most this many rows (the rows the user had scrolled to). The query costs 10-40 ms at 100k incidents (bench/bench_ui.py): results within 100 ms of the last key, with room for a busy machine.</extracomment>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="59"/>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="60"/>
        <source>Country</source>
        <translation>Country</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="61"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="62"/>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="63"/>
        <source>Synced</source>
        <translation>Synced</translation>
    </message>
</context>
<context>
    <name>IncidentTableModel</name>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="262"/>
        <source>Loading incidents</source>
        <extracomment>How to ask for the next page: a (occurred, rowid) key, or a search-hit offset.</extracomment>
        <translation>Loading incidents</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="292"/>
        <source>Draft</source>
        <translation>Draft</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="292"/>
        <source>Sealed</source>
        <translation>Sealed</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="293"/>
        <source>Sealed (amended)</source>
        <translation>Sealed (amended)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="294"/>
        <source>Conflict</source>
        <translation>Conflict</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="295"/>
        <source>Two revisions</source>
        <translation>Two revisions</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="300"/>
        <source>This record claims to amend a record it may not replace (another device&apos;s, or another incident&apos;s). It is kept but replaces nothing; the record it names stays current.</source>
        <translation>This record claims to amend a record it may not replace (another device&apos;s, or another incident&apos;s). It is kept but replaces nothing; the record it names stays current.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="304"/>
        <source>The same device sealed two current revisions of this incident. Both are kept; exports ask you to choose one by its record id.</source>
        <translation>The same device sealed two current revisions of this incident. Both are kept; exports ask you to choose one by its record id.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="331"/>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="331"/>
        <source>No</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>IncidentsPage</name>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="481"/>
        <source>&amp;Search:</source>
        <translation>&amp;Search:</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="482"/>
        <source>Words in any language, names, places…</source>
        <translation>Words in any language, names, places…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="483"/>
        <source>Search incidents</source>
        <translation>Search incidents</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="484"/>
        <source>&amp;New incident</source>
        <translation>&amp;New incident</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="485"/>
        <source>New incident</source>
        <translation>New incident</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="486"/>
        <source>Clear filters</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="487"/>
        <source>&amp;Category:</source>
        <translation>&amp;Category:</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="487"/>
        <source>C&amp;ountry:</source>
        <translation>C&amp;ountry:</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="487"/>
        <source>&amp;From:</source>
        <translation>&amp;From:</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="487"/>
        <source>&amp;To:</source>
        <translation>&amp;To:</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="488"/>
        <source>S&amp;tate:</source>
        <translation>S&amp;tate:</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="488"/>
        <source>S&amp;ynced:</source>
        <translation>S&amp;ynced:</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="491"/>
        <source>Category filter</source>
        <translation>Category filter</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="491"/>
        <source>Country filter</source>
        <translation>Country filter</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="491"/>
        <source>From date</source>
        <translation>From date</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="492"/>
        <source>To date</source>
        <translation>To date</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="492"/>
        <source>State filter</source>
        <translation>State filter</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="492"/>
        <source>Synced filter</source>
        <translation>Synced filter</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="497"/>
        <source>any</source>
        <translation>any</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="498"/>
        <source>Incidents</source>
        <translation>Incidents</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="499"/>
        <location filename="../../fieldkit/ui/incidents.py" line="501"/>
        <location filename="../../fieldkit/ui/incidents.py" line="523"/>
        <location filename="../../fieldkit/ui/incidents.py" line="533"/>
        <source>All</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="499"/>
        <source>Drafts</source>
        <translation>Drafts</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="500"/>
        <source>Sealed</source>
        <translation>Sealed</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="501"/>
        <source>Synced</source>
        <translation>Synced</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="502"/>
        <source>Not synced</source>
        <translation>Not synced</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="590"/>
        <source>{n}{more} found</source>
        <translation>{n}{more} found</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="592"/>
        <source>{n} incidents</source>
        <translation>{n} incidents</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="594"/>
        <source>{n} shown</source>
        <translation>{n} shown</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="596"/>
        <source>loading…</source>
        <translation>loading…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../fieldkit/ui/mainwindow.py" line="65"/>
        <source>Incidents</source>
        <extracomment>Source text, translated in the &quot;MainWindow&quot; context when shown. The pages, in navigation order. Append to it (before the window is built) to add one.</extracomment>
        <translation>Incidents</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/mainwindow.py" line="67"/>
        <source>Sync</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/mainwindow.py" line="69"/>
        <source>Audit</source>
        <translation>Audit</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/mainwindow.py" line="71"/>
        <source>Staff</source>
        <translation>Staff</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/mainwindow.py" line="208"/>
        <source>FieldKit</source>
        <extracomment>Status-bar widgets ``(ctx, parent) -&gt; QWidget`` or ``&quot;module:Class&quot;``, shown while unlocked.</extracomment>
        <translation>FieldKit</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/mainwindow.py" line="209"/>
        <source>&amp;Vault</source>
        <translation>&amp;Vault</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/mainwindow.py" line="210"/>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/mainwindow.py" line="211"/>
        <source>&amp;Lock now</source>
        <translation>&amp;Lock now</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/mainwindow.py" line="212"/>
        <source>&amp;New incident</source>
        <translation>&amp;New incident</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/mainwindow.py" line="213"/>
        <source>&amp;Auto-lock…</source>
        <translation>&amp;Auto-lock…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/mainwindow.py" line="214"/>
        <source>Panic &amp;wipe…</source>
        <translation>Panic &amp;wipe…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/mainwindow.py" line="215"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/mainwindow.py" line="216"/>
        <source>Sections</source>
        <translation>Sections</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/mainwindow.py" line="240"/>
        <source>Unlocked: {path}</source>
        <translation>Unlocked: {path}</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/mainwindow.py" line="244"/>
        <source>Locked</source>
        <translation>Locked</translation>
    </message>
</context>
<context>
    <name>OutputPage</name>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="178"/>
        <source>Language and files</source>
        <translation>Language and files</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="179"/>
        <source>The bundle lets anyone check the dossier offline: the signed records and the registry&apos;s proofs.</source>
        <translation>The bundle lets anyone check the dossier offline: the signed records and the registry&apos;s proofs.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="183"/>
        <source>Dossier language</source>
        <translation>Dossier language</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="191"/>
        <source>Dossier PDF file</source>
        <translation>Dossier PDF file</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="194"/>
        <source>Verification bundle file</source>
        <translation>Verification bundle file</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="195"/>
        <source>Also write the verification bundle</source>
        <translation>Also write the verification bundle</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="199"/>
        <source>Include evidence files in the bundle (otherwise they are listed by SHA-256 only)</source>
        <translation>Include evidence files in the bundle (otherwise they are listed by SHA-256 only)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="206"/>
        <source>Prepared by</source>
        <translation>Prepared by</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="210"/>
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="223"/>
        <source>Language:</source>
        <translation>Language:</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="224"/>
        <source>Dossier (PDF):</source>
        <translation>Dossier (PDF):</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="225"/>
        <source>Save the dossier as</source>
        <translation>Save the dossier as</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="225"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="227"/>
        <source>Bundle (ZIP):</source>
        <translation>Bundle (ZIP):</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="228"/>
        <source>Save the bundle as</source>
        <translation>Save the bundle as</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="228"/>
        <source>ZIP files (*.zip)</source>
        <translation>ZIP files (*.zip)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="230"/>
        <source>Prepared by:</source>
        <translation>Prepared by:</translation>
    </message>
</context>
<context>
    <name>PanicWipeDialog</name>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="515"/>
        <source>Panic wipe</source>
        <translation>Panic wipe</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="517"/>
        <source>WIPE</source>
        <translation>WIPE</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="519"/>
        <source>This destroys the vault&apos;s key at once: every incident, testimony and evidence file in this vault becomes unreadable for ever, and the recovery key will not bring it back. Records already synced stay at the registry.

Type {word} to confirm.</source>
        <translation>This destroys the vault&apos;s key at once: every incident, testimony and evidence file in this vault becomes unreadable for ever, and the recovery key will not bring it back. Records already synced stay at the registry.

Type {word} to confirm.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="528"/>
        <source>Type {word} to confirm</source>
        <translation>Type {word} to confirm</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="533"/>
        <source>&amp;Wipe the vault</source>
        <translation>&amp;Wipe the vault</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="133"/>
        <location filename="../../fieldkit/ui/persons.py" line="134"/>
        <source>Add a person</source>
        <translation>Add a person</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="139"/>
        <source>Person {n}</source>
        <translation>Person {n}</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="141"/>
        <source>Pseudonym (required)</source>
        <translation>Pseudonym (required)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="142"/>
        <source>How this person is named in every record and report. Do not use the real name here.</source>
        <translation>How this person is named in every record and report. Do not use the real name here.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="146"/>
        <source>Pseudonym *</source>
        <translation>Pseudonym *</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="157"/>
        <source>Roles</source>
        <translation>Roles</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="161"/>
        <location filename="../../fieldkit/ui/persons.py" line="166"/>
        <source>Gender</source>
        <translation>Gender</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="162"/>
        <location filename="../../fieldkit/ui/persons.py" line="170"/>
        <source>Not recorded</source>
        <translation>Not recorded</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="163"/>
        <source>Female</source>
        <translation>Female</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="163"/>
        <source>Male</source>
        <translation>Male</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="163"/>
        <source>Other</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="169"/>
        <location filename="../../fieldkit/ui/persons.py" line="174"/>
        <source>Age group</source>
        <translation>Age group</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="171"/>
        <source>Child</source>
        <translation>Child</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="171"/>
        <source>Adult</source>
        <translation>Adult</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="171"/>
        <source>Older</source>
        <translation>Older</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="177"/>
        <source>Internal only — never shared outside the organisation (optional)</source>
        <translation>Internal only — never shared outside the organisation (optional)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="180"/>
        <source>Internal only details</source>
        <translation>Internal only details</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="184"/>
        <location filename="../../fieldkit/ui/persons.py" line="187"/>
        <source>Real name (internal only)</source>
        <translation>Real name (internal only)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="185"/>
        <source>Leave empty unless it is needed</source>
        <translation>Leave empty unless it is needed</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="190"/>
        <location filename="../../fieldkit/ui/persons.py" line="192"/>
        <source>Contact (internal only)</source>
        <translation>Contact (internal only)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="208"/>
        <source>The pseudonym is required.</source>
        <translation>The pseudonym is required.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="209"/>
        <source>Give a name that does not identify the person, such as “Witness A”.</source>
        <translation>Give a name that does not identify the person, such as “Witness A”.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="232"/>
        <source>Adding a person</source>
        <translation>Adding a person</translation>
    </message>
</context>
<context>
    <name>Persons</name>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="115"/>
        <source>identity on file (internal only)</source>
        <translation>identity on file (internal only)</translation>
    </message>
</context>
<context>
    <name>RecoverDialog</name>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="413"/>
        <source>Recover the vault</source>
        <translation>Recover the vault</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="417"/>
        <source>Recovery key</source>
        <translation>Recovery key</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="419"/>
        <source>New passphrase</source>
        <translation>New passphrase</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="421"/>
        <source>Repeat the new passphrase</source>
        <translation>Repeat the new passphrase</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="422"/>
        <source>Recovery &amp;key:</source>
        <translation>Recovery &amp;key:</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="423"/>
        <source>&amp;New passphrase:</source>
        <translation>&amp;New passphrase:</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="424"/>
        <source>&amp;Repeat it:</source>
        <translation>&amp;Repeat it:</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="443"/>
        <source>The two passphrases differ.</source>
        <translation>The two passphrases differ.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="460"/>
        <source>Recovering</source>
        <translation>Recovering</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyPage</name>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="295"/>
        <source>Write down your recovery key</source>
        <translation>Write down your recovery key</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="297"/>
        <source>If you forget your passphrase, this key is the only way back into the vault. Write it on paper and keep it somewhere safe, away from this computer. It will not be shown again.</source>
        <translation>If you forget your passphrase, this key is the only way back into the vault. Write it on paper and keep it somewhere safe, away from this computer. It will not be shown again.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="300"/>
        <source>I have &amp;written it down</source>
        <translation>I have &amp;written it down</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="301"/>
        <source>C&amp;ontinue</source>
        <translation>C&amp;ontinue</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="302"/>
        <source>Recovery key</source>
        <translation>Recovery key</translation>
    </message>
</context>
<context>
    <name>RunPage</name>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="244"/>
        <source>Exporting</source>
        <translation>Exporting</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="247"/>
        <source>Export progress</source>
        <translation>Export progress</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="248"/>
        <source>Cancel export</source>
        <translation>Cancel export</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="253"/>
        <source>Export result</source>
        <translation>Export result</translation>
    </message>
</context>
<context>
    <name>SealDialog</name>
    <message>
        <location filename="../../fieldkit/ui/seal.py" line="87"/>
        <location filename="../../fieldkit/ui/seal.py" line="88"/>
        <source>Seal this incident</source>
        <translation>Seal this incident</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/seal.py" line="92"/>
        <source>Sealing signs the record below with this device&apos;s key. A sealed record can never be edited again; corrections are new revisions (Amend). The signature also covers this device&apos;s record number, its previous record, the revision this one amends and the time of sealing.</source>
        <translation>Sealing signs the record below with this device&apos;s key. A sealed record can never be edited again; corrections are new revisions (Amend). The signature also covers this device&apos;s record number, its previous record, the revision this one amends and the time of sealing.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/seal.py" line="97"/>
        <source>Reading the record…</source>
        <translation>Reading the record…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/seal.py" line="99"/>
        <source>Signing key</source>
        <translation>Signing key</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/seal.py" line="104"/>
        <source>The record that will be signed (canonical JSON)</source>
        <translation>The record that will be signed (canonical JSON)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/seal.py" line="112"/>
        <source>Seal and sign</source>
        <translation>Seal and sign</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/seal.py" line="114"/>
        <source>Seal and sign this record</source>
        <translation>Seal and sign this record</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/seal.py" line="117"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/seal.py" line="143"/>
        <source>Preparing the seal</source>
        <translation>Preparing the seal</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/seal.py" line="147"/>
        <source>Signed by this device&apos;s key {fingerprint} ({key_id}).</source>
        <translation>Signed by this device&apos;s key {fingerprint} ({key_id}).</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/seal.py" line="150"/>
        <source>It amends the sealed record {id}.</source>
        <translation>It amends the sealed record {id}.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/seal.py" line="176"/>
        <source>Sealing</source>
        <translation>Sealing</translation>
    </message>
</context>
<context>
    <name>SelectionPage</name>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="80"/>
        <source>Which incidents?</source>
        <translation>Which incidents?</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="81"/>
        <source>Only sealed incidents go into a dossier, each in its newest revision.</source>
        <translation>Only sealed incidents go into a dossier, each in its newest revision.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="84"/>
        <source>The {n} incidents selected</source>
        <translation>The {n} incidents selected</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="86"/>
        <source>Every sealed incident matching:</source>
        <translation>Every sealed incident matching:</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="96"/>
        <source>From date</source>
        <translation>From date</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="97"/>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="101"/>
        <source>YYYY, YYYY-MM or YYYY-MM-DD</source>
        <translation>YYYY, YYYY-MM or YYYY-MM-DD</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="100"/>
        <source>To date (inclusive)</source>
        <translation>To date (inclusive)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="104"/>
        <source>Country (two-letter code)</source>
        <translation>Country (two-letter code)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="106"/>
        <source>e.g. FR</source>
        <translation>e.g. FR</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="109"/>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="110"/>
        <source>Any category</source>
        <translation>Any category</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="117"/>
        <source>From:</source>
        <translation>From:</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="118"/>
        <source>To:</source>
        <translation>To:</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="119"/>
        <source>Country:</source>
        <translation>Country:</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="120"/>
        <source>Category:</source>
        <translation>Category:</translation>
    </message>
</context>
<context>
    <name>StaffPage</name>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="45"/>
        <source>Staff</source>
        <extracomment>How many received incidents the table shows (newest first); the Incidents page has all.</extracomment>
        <translation>Staff</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="47"/>
        <source>Pull</source>
        <translation>Pull</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="49"/>
        <source>Pull new records from the registry</source>
        <translation>Pull new records from the registry</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="53"/>
        <source>Pull progress</source>
        <translation>Pull progress</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="56"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="58"/>
        <source>Cancel the pull</source>
        <translation>Cancel the pull</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="67"/>
        <source>Last pull report</source>
        <translation>Last pull report</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="71"/>
        <source>Pull error</source>
        <translation>Pull error</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="78"/>
        <source>Sealed incidents in this vault</source>
        <translation>Sealed incidents in this vault</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="79"/>
        <source>Occurred</source>
        <translation>Occurred</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="79"/>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="80"/>
        <source>Country</source>
        <translation>Country</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="80"/>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="81"/>
        <location filename="../../fieldkit/ui/staff.py" line="120"/>
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="91"/>
        <location filename="../../fieldkit/ui/staff.py" line="318"/>
        <source>Export a dossier…</source>
        <translation>Export a dossier…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="93"/>
        <source>Open the dossier export wizard</source>
        <translation>Open the dossier export wizard</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="101"/>
        <source>Exports made from this vault</source>
        <translation>Exports made from this vault</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="103"/>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="103"/>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="103"/>
        <source>Audience</source>
        <translation>Audience</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="103"/>
        <source>Records</source>
        <translation>Records</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="104"/>
        <source>Reported to the registry</source>
        <translation>Reported to the registry</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="113"/>
        <source>Records in quarantine</source>
        <translation>Records in quarantine</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="118"/>
        <source>Pulled records in quarantine, with the reason for each</source>
        <translation>Pulled records in quarantine, with the reason for each</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="120"/>
        <source>Device</source>
        <translation>Device</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="120"/>
        <source>Why it is in quarantine</source>
        <translation>Why it is in quarantine</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="121"/>
        <source>First seen</source>
        <translation>First seen</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="133"/>
        <source>Sealed incidents received</source>
        <translation>Sealed incidents received</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="138"/>
        <source>Exports</source>
        <translation>Exports</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="210"/>
        <source>Reading the incidents</source>
        <translation>Reading the incidents</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="237"/>
        <source>{n} sealed incidents</source>
        <translation>{n} sealed incidents</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="238"/>
        <source>Newest {shown} of {n} sealed incidents</source>
        <translation>Newest {shown} of {n} sealed incidents</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="243"/>
        <source>queued</source>
        <translation>queued</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="252"/>
        <source>It is damaged or forged: it is not a well-formed record.</source>
        <translation>It is damaged or forged: it is not a well-formed record.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="253"/>
        <source>It reached the registry unsealed, not sealed to the organisation&apos;s key.</source>
        <translation>It reached the registry unsealed, not sealed to the organisation&apos;s key.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="255"/>
        <source>The device signature on it does not verify.</source>
        <translation>The device signature on it does not verify.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="256"/>
        <source>The registry describes it differently from what its device signed.</source>
        <translation>The registry describes it differently from what its device signed.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="258"/>
        <source>No organisation key in this vault opens it.</source>
        <translation>No organisation key in this vault opens it.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="259"/>
        <source>The registry gave no receipt for it: nothing shows it is in the log.</source>
        <translation>The registry gave no receipt for it: nothing shows it is in the log.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="261"/>
        <source>Its receipt does not prove that it is in the log.</source>
        <translation>Its receipt does not prove that it is in the log.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="262"/>
        <source>Its receipt rests on a history of the log that contradicts this vault&apos;s.</source>
        <translation>Its receipt rests on a history of the log that contradicts this vault&apos;s.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="264"/>
        <source>The log shows no enrolment of the device that signed it.</source>
        <translation>The log shows no enrolment of the device that signed it.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="265"/>
        <source>The proof of its device&apos;s enrolment does not hold.</source>
        <translation>The proof of its device&apos;s enrolment does not hold.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="266"/>
        <source>Its device is enrolled with a role that may not send records.</source>
        <translation>Its device is enrolled with a role that may not send records.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="268"/>
        <source>It was logged before its device was enrolled.</source>
        <translation>It was logged before its device was enrolled.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="270"/>
        <source>Its device had been revoked before it was logged.</source>
        <translation>Its device had been revoked before it was logged.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="271"/>
        <source>One of its files could not be fetched whole.</source>
        <translation>One of its files could not be fetched whole.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="278"/>
        <source>No pulled record is in quarantine.</source>
        <translation>No pulled record is in quarantine.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="282"/>
        <source>{n} pulled records are in quarantine: the registry&apos;s log does not vouch for them, so they are in no list, search or export. Each pull checks them again.</source>
        <translation>{n} pulled records are in quarantine: the registry&apos;s log does not vouch for them, so they are in no list, search or export. Each pull checks them again.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="314"/>
        <source>Only a staff vault, enrolled with a staff code and holding the organisation key, can pull records.</source>
        <translation>Only a staff vault, enrolled with a staff code and holding the organisation key, can pull records.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="317"/>
        <source>Export a dossier of {n} incidents…</source>
        <translation>Export a dossier of {n} incidents…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="333"/>
        <source>Pulling…</source>
        <translation>Pulling…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="356"/>
        <source>Cancelled. Every record already received was kept whole; pull again to continue.</source>
        <translation>Cancelled. Every record already received was kept whole; pull again to continue.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="360"/>
        <source>Not pulled.</source>
        <translation>Not pulled.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="368"/>
        <source>Pulling records</source>
        <translation>Pulling records</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="284"/>
        <source>Organisation key</source>
        <translation>Organisation key</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="289"/>
        <source>Read this safety number to your organisation&apos;s staff by phone or in person, or let them scan the code. If it differs from theirs, do not sync: tell an administrator.</source>
        <translation>Read this safety number to your organisation&apos;s staff by phone or in person, or let them scan the code. If it differs from theirs, do not sync: tell an administrator.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="295"/>
        <source>Safety number of the organisation key</source>
        <translation>Safety number of the organisation key</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="304"/>
        <source>QR code of the organisation key</source>
        <translation>QR code of the organisation key</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="436"/>
        <source>No organisation key yet: a monitor learns it at enrolment or on its first sync.</source>
        <translation>No organisation key yet: a monitor learns it at enrolment or on its first sync.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="260"/>
        <source>Sync</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="262"/>
        <source>Registry</source>
        <translation>Registry</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="273"/>
        <source>Address:</source>
        <translation>Address:</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="274"/>
        <source>This vault is:</source>
        <translation>This vault is:</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="275"/>
        <source>Waiting to be sent:</source>
        <translation>Waiting to be sent:</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="276"/>
        <source>Last sync:</source>
        <translation>Last sync:</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="277"/>
        <source>Enrol this vault…</source>
        <translation>Enrol this vault…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="279"/>
        <source>Enrol this vault with a registry</source>
        <translation>Enrol this vault with a registry</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="309"/>
        <location filename="../../fieldkit/ui/syncpanel.py" line="311"/>
        <location filename="../../fieldkit/ui/syncpanel.py" line="421"/>
        <source>Sync now</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="313"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="315"/>
        <source>Cancel the sync</source>
        <translation>Cancel the sync</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="319"/>
        <source>Sync progress</source>
        <translation>Sync progress</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="329"/>
        <source>Last sync report</source>
        <translation>Last sync report</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="333"/>
        <source>Sync error</source>
        <translation>Sync error</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="340"/>
        <source>Sync log</source>
        <translation>Sync log</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="342"/>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="342"/>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="342"/>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="342"/>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="355"/>
        <source>Sync log on this device</source>
        <translation>Sync log on this device</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="400"/>
        <source>Reading the sync log</source>
        <translation>Reading the sync log</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="403"/>
        <source>a monitor&apos;s vault (sends sealed records)</source>
        <translation>a monitor&apos;s vault (sends sealed records)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="404"/>
        <source>a staff vault (receives records)</source>
        <translation>a staff vault (receives records)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="405"/>
        <source>an administrator&apos;s vault</source>
        <translation>an administrator&apos;s vault</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="408"/>
        <source>Not enrolled</source>
        <translation>Not enrolled</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="413"/>
        <source>{n} sealed records</source>
        <translation>{n} sealed records</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="417"/>
        <source>never</source>
        <translation>never</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="420"/>
        <source>Pull now</source>
        <translation>Pull now</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="466"/>
        <source>Syncing…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="493"/>
        <source>Not synced.</source>
        <translation>Not synced.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="499"/>
        <source>Syncing</source>
        <translation>Syncing</translation>
    </message>
</context>
<context>
    <name>SyncPanel</name>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="60"/>
        <source>never</source>
        <extracomment>How often the status bar asks the registry whether it is up (ms). How many sync log lines the page shows.</extracomment>
        <translation>never</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="74"/>
        <source>Received {records} records and {files} files ({size}).</source>
        <translation>Received {records} records and {files} files ({size}).</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="79"/>
        <source>Sent {records} records and {files} files ({size}); each has a verified receipt.</source>
        <translation>Sent {records} records and {files} files ({size}); each has a verified receipt.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="84"/>
        <source>{n} retries.</source>
        <translation>{n} retries.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="90"/>
        <source>Cancelled. Records already sent keep their receipts; the rest stay queued and nothing half-stored was kept.</source>
        <translation>Cancelled. Records already sent keep their receipts; the rest stay queued and nothing half-stored was kept.</translation>
    </message>
</context>
<context>
    <name>SyncStatusWidget</name>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="153"/>
        <source>Sync status</source>
        <translation>Sync status</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="221"/>
        <source>Checking the registry</source>
        <translation>Checking the registry</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="231"/>
        <source>Not enrolled</source>
        <translation>Not enrolled</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="234"/>
        <source>This vault is not connected to a registry.</source>
        <translation>This vault is not connected to a registry.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="237"/>
        <source>Registry distrusted</source>
        <translation>Registry distrusted</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="239"/>
        <source>Checking…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="241"/>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="243"/>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="246"/>
        <source>Queue: {n}</source>
        <translation>Queue: {n}</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="247"/>
        <source>Last receipt: {when}</source>
        <translation>Last receipt: {when}</translation>
    </message>
</context>
<context>
    <name>Tasks</name>
    <message>
        <location filename="../../fieldkit/ui/tasks.py" line="261"/>
        <source>Working</source>
        <extracomment>How often the GUI reads a running task&apos;s progress (ms).</extracomment>
        <translation>Working</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/tasks.py" line="263"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/tasks.py" line="264"/>
        <source>Progress</source>
        <translation>Progress</translation>
    </message>
</context>
<context>
    <name>TestimonyDialog</name>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="74"/>
        <location filename="../../fieldkit/ui/testimony.py" line="75"/>
        <source>Add a testimony</source>
        <extracomment>Languages offered for a testimony, by their own names (so no translation is needed).</extracomment>
        <translation>Add a testimony</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="82"/>
        <source>Witness: pick a person or type a new pseudonym</source>
        <translation>Witness: pick a person or type a new pseudonym</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="92"/>
        <source>Witness {n}</source>
        <translation>Witness {n}</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="93"/>
        <source>A pseudonym, never the real name.</source>
        <translation>A pseudonym, never the real name.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="94"/>
        <source>Witness (pseudonym)</source>
        <translation>Witness (pseudonym)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="98"/>
        <source>Language of the testimony</source>
        <translation>Language of the testimony</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="103"/>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="109"/>
        <source>Internal</source>
        <translation>Internal</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="110"/>
        <source>Only our organisation&apos;s staff may read it.</source>
        <translation>Only our organisation&apos;s staff may read it.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="111"/>
        <source>Partners</source>
        <translation>Partners</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="112"/>
        <source>Trusted partner organisations may read it too.</source>
        <translation>Trusted partner organisations may read it too.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="113"/>
        <source>Public</source>
        <translation>Public</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="114"/>
        <source>It may be published, under the witness&apos;s pseudonym.</source>
        <translation>It may be published, under the witness&apos;s pseudonym.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="119"/>
        <source>Consent: {level}</source>
        <translation>Consent: {level}</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="131"/>
        <source>Consent given</source>
        <translation>Consent given</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="135"/>
        <source>Testimony text</source>
        <translation>Testimony text</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="137"/>
        <source>Testimony</source>
        <translation>Testimony</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="140"/>
        <location filename="../../fieldkit/ui/testimony.py" line="196"/>
        <source>No audio</source>
        <translation>No audio</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="142"/>
        <source>Attach audio file…</source>
        <translation>Attach audio file…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="144"/>
        <location filename="../../fieldkit/ui/testimony.py" line="202"/>
        <source>Attach an audio file</source>
        <translation>Attach an audio file</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="146"/>
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="148"/>
        <source>Record audio</source>
        <translation>Record audio</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="152"/>
        <source>Recording needs Qt Multimedia and a microphone, which this computer does not have. Attach an audio file instead.</source>
        <translation>Recording needs Qt Multimedia and a microphone, which this computer does not have. Attach an audio file instead.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="158"/>
        <source>Audio</source>
        <translation>Audio</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="163"/>
        <source>Saving progress</source>
        <translation>Saving progress</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="165"/>
        <source>Cancel import</source>
        <translation>Cancel import</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="226"/>
        <source>Stop recording</source>
        <translation>Stop recording</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="227"/>
        <source>Recording…</source>
        <translation>Recording…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="230"/>
        <source>Record again</source>
        <translation>Record again</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="248"/>
        <source>Name the witness by a pseudonym.</source>
        <translation>Name the witness by a pseudonym.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="249"/>
        <source>Pick a person or type a new pseudonym such as “Witness A”.</source>
        <translation>Pick a person or type a new pseudonym such as “Witness A”.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="253"/>
        <source>The testimony is empty.</source>
        <translation>The testimony is empty.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="254"/>
        <source>Type the testimony or attach its audio.</source>
        <translation>Type the testimony or attach its audio.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="282"/>
        <source>Saving the testimony</source>
        <translation>Saving the testimony</translation>
    </message>
</context>
<context>
    <name>UnlockPage</name>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="355"/>
        <source>Unlock the vault</source>
        <translation>Unlock the vault</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="356"/>
        <source>Vault: {path}</source>
        <translation>Vault: {path}</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="357"/>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Passphrase:</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="358"/>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="359"/>
        <source>&amp;Unlock</source>
        <translation>&amp;Unlock</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="360"/>
        <source>Forgot it? Use the &amp;recovery key…</source>
        <translation>Forgot it? Use the &amp;recovery key…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="399"/>
        <source>Unlocking</source>
        <translation>Unlocking</translation>
    </message>
</context>
<context>
    <name>WhenEdit</name>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="235"/>
        <source>Exact time</source>
        <translation>Exact time</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="235"/>
        <source>Day</source>
        <translation>Day</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="236"/>
        <source>Month</source>
        <translation>Month</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="236"/>
        <source>Year</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="237"/>
        <source>About (approximate)</source>
        <translation>About (approximate)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="237"/>
        <source>Range</source>
        <translation>Range</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="242"/>
        <source>to</source>
        <translation>to</translation>
    </message>
</context>
</TS>
