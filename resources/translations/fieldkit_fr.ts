<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>ActDialog</name>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="250"/>
        <location filename="../../fieldkit/ui/persons.py" line="251"/>
        <source>Add an act</source>
        <translation>Ajouter un acte</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="258"/>
        <location filename="../../fieldkit/ui/persons.py" line="263"/>
        <source>Act type</source>
        <translation>Type d&apos;acte</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="267"/>
        <location filename="../../fieldkit/ui/persons.py" line="275"/>
        <source>Victims</source>
        <translation>Victimes</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="279"/>
        <source>Perpetrators and their involvement</source>
        <translation>Auteurs et leur implication</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="280"/>
        <source>Perpetrator</source>
        <translation>Auteur</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="281"/>
        <source>Involvement</source>
        <translation>Implication</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="292"/>
        <source>Involvement of {who}</source>
        <translation>Implication de {who}</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="298"/>
        <source>Perpetrators</source>
        <translation>Auteurs</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="300"/>
        <source>Add the persons involved first (victims, perpetrators).</source>
        <translation>Ajoutez d&apos;abord les personnes concernées (victimes, auteurs).</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="306"/>
        <source>What happened in this act</source>
        <translation>Ce qui s&apos;est passé dans cet acte</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="308"/>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="355"/>
        <source>Adding an act</source>
        <translation>Ajout de l&apos;acte</translation>
    </message>
</context>
<context>
    <name>AudiencePage</name>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="136"/>
        <source>Who will read it?</source>
        <translation>Qui le lira ?</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="137"/>
        <source>The audience decides what the dossier and its bundle leave out. Nothing removed can be recovered from them.</source>
        <translation>Le public détermine ce que le dossier et sa liasse omettent. Rien de ce qui est retiré ne peut en être récupéré.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="140"/>
        <source>Internal (our organisation)</source>
        <translation>Interne (notre organisation)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="141"/>
        <source>Everything: names and contacts of people, every testimony, the GPS position of evidence.</source>
        <translation>Tout : noms et contacts des personnes, chaque témoignage, la position GPS des preuves.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="143"/>
        <source>Partners</source>
        <translation>Partenaires</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="144"/>
        <source>Leaves out incidents not cleared for partners and testimonies given without consent to share with partners. People appear by pseudonym only: no names, no contacts.</source>
        <translation>Omet les incidents non autorisés pour les partenaires et les témoignages donnés sans consentement au partage. Les personnes n&apos;apparaissent que sous pseudonyme : ni noms, ni contacts.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="147"/>
        <source>Public</source>
        <translation>Public</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="148"/>
        <source>Only incidents and testimonies cleared for publication; people by pseudonym only; the GPS position of evidence is removed too.</source>
        <translation>Seulement les incidents et témoignages autorisés à la publication ; personnes sous pseudonyme ; la position GPS des preuves est aussi retirée.</translation>
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
        <translation>Journal d&apos;audit du registre</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="82"/>
        <location filename="../../fieldkit/ui/audit.py" line="211"/>
        <source>Sync log on this device</source>
        <translation>Journal de synchronisation de cet appareil</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="83"/>
        <source>Log checkpoint</source>
        <translation>Point de contrôle du journal</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="96"/>
        <source>Filter by device</source>
        <translation>Filtrer par appareil</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="98"/>
        <location filename="../../fieldkit/ui/audit.py" line="349"/>
        <location filename="../../fieldkit/ui/audit.py" line="400"/>
        <source>Any device</source>
        <translation>Tout appareil</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="101"/>
        <source>Filter by action</source>
        <translation>Filtrer par action</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="102"/>
        <source>Any action</source>
        <translation>Toute action</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="107"/>
        <source>Filter by outcome</source>
        <translation>Filtrer par résultat</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="108"/>
        <source>Any outcome</source>
        <translation>Tout résultat</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="109"/>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="109"/>
        <source>refused</source>
        <translation>refusé</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="109"/>
        <source>error</source>
        <translation>erreur</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="113"/>
        <location filename="../../fieldkit/ui/audit.py" line="154"/>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="117"/>
        <source>From date (UTC)</source>
        <translation>Date de début (UTC)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="118"/>
        <source>To</source>
        <translation>Au</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="122"/>
        <source>To date, inclusive (UTC)</source>
        <translation>Date de fin, incluse (UTC)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="130"/>
        <location filename="../../fieldkit/ui/audit.py" line="132"/>
        <source>Apply filters</source>
        <translation>Appliquer les filtres</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="136"/>
        <source>Device:</source>
        <translation>Appareil :</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="138"/>
        <source>Action:</source>
        <translation>Action :</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="140"/>
        <source>Outcome:</source>
        <translation>Résultat :</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="150"/>
        <source>Registry audit events</source>
        <translation>Événements d&apos;audit du registre</translation>
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
        <translation>Heure</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="152"/>
        <source>Device</source>
        <translation>Appareil</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="152"/>
        <source>Role</source>
        <translation>Rôle</translation>
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
        <translation>Résultat</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="153"/>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="153"/>
        <source>Path</source>
        <translation>Chemin</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="154"/>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="161"/>
        <source>Previous page</source>
        <translation>Page précédente</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="165"/>
        <source>Next page</source>
        <translation>Page suivante</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="169"/>
        <source>Export this page…</source>
        <translation>Exporter cette page…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="171"/>
        <source>Export this page as CSV</source>
        <translation>Exporter cette page en CSV</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="173"/>
        <source>Export all matching…</source>
        <translation>Tout exporter…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="176"/>
        <source>Export every matching event as CSV</source>
        <translation>Exporter tous les événements correspondants en CSV</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="180"/>
        <source>Export progress</source>
        <translation>Progression de l&apos;export</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="182"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="196"/>
        <source>Audit log status</source>
        <translation>État du journal d&apos;audit</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="154"/>
        <location filename="../../fieldkit/ui/audit.py" line="213"/>
        <source>Detail</source>
        <translation>Détail</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="159"/>
        <source>Previous</source>
        <translation>Précédent</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="163"/>
        <source>Next</source>
        <translation>Suivant</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="227"/>
        <source>Checkpoint verification</source>
        <translation>Vérification du point de contrôle</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="238"/>
        <source>Status:</source>
        <translation>État :</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="239"/>
        <source>Log:</source>
        <translation>Journal :</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="240"/>
        <source>Entries (size):</source>
        <translation>Entrées (taille) :</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="241"/>
        <source>Root hash:</source>
        <translation>Empreinte racine :</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="242"/>
        <source>Consistency verified at:</source>
        <translation>Cohérence vérifiée le :</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="309"/>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="311"/>
        <source>Reading the audit log</source>
        <translation>Lecture du journal d&apos;audit</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="343"/>
        <source>Reading the sync log</source>
        <translation>Lecture du journal de synchronisation</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="353"/>
        <source>(revoked)</source>
        <translation>(révoqué)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="378"/>
        <source>Events {first}–{last}</source>
        <translation>Événements {first}–{last}</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="381"/>
        <source>No events match these filters.</source>
        <translation>Aucun événement ne correspond à ces filtres.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="389"/>
        <source>Page {n}</source>
        <translation>Page {n}</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="437"/>
        <source>Save the audit log as CSV</source>
        <translation>Enregistrer le journal d&apos;audit en CSV</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="438"/>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="472"/>
        <source>Saved {n} events to {path}.</source>
        <translation>{n} événements enregistrés dans {path}.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="479"/>
        <source>Export cancelled; no file was written.</source>
        <translation>Export annulé ; aucun fichier écrit.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="485"/>
        <source>Exporting the audit log</source>
        <translation>Export du journal d&apos;audit</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="498"/>
        <source>Does NOT verify: {why}</source>
        <translation>NE se vérifie PAS : {why}</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="504"/>
        <source>No checkpoint yet: sync once.</source>
        <translation>Pas encore de point de contrôle : synchronisez une fois.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="509"/>
        <source>Registry distrusted: {why}</source>
        <translation>Registre non fiable : {why}</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="514"/>
        <source>Verified: signed by the pinned log key and consistent with the {n} checkpoints kept before it.</source>
        <translation>Vérifié : signé par la clé épinglée du journal et cohérent avec les {n} points de contrôle conservés avant lui.</translation>
    </message>
</context>
<context>
    <name>AutoLockDialog</name>
    <message>
        <location filename="../../fieldkit/ui/autolock.py" line="82"/>
        <source>Auto-lock</source>
        <translation>Verrouillage automatique</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/autolock.py" line="89"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/autolock.py" line="90"/>
        <source>Lock after idle minutes</source>
        <translation>Verrouiller après des minutes d&apos;inactivité</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/autolock.py" line="91"/>
        <source>Lock after this many idle &amp;minutes (0: never):</source>
        <translation>Verrouiller après ce nombre de &amp;minutes d&apos;inactivité (0 : jamais) :</translation>
    </message>
</context>
<context>
    <name>CategoryCombo</name>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="211"/>
        <source>Choose a category</source>
        <translation>Choisissez une catégorie</translation>
    </message>
</context>
<context>
    <name>CountryCombo</name>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="156"/>
        <source>Type to search for a country</source>
        <extracomment>Codes Qt knows that are not countries.</extracomment>
        <translation>Tapez pour chercher un pays</translation>
    </message>
</context>
<context>
    <name>CreateVaultPage</name>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="182"/>
        <source>Create your vault</source>
        <translation>Créez votre coffre</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="184"/>
        <source>Everything you record is encrypted on this computer with a key protected by your passphrase. Choose several words you can remember; nobody can reset it.</source>
        <translation>Tout ce que vous enregistrez est chiffré sur cet ordinateur avec une clé protégée par votre phrase secrète. Choisissez plusieurs mots faciles à retenir : personne ne peut la réinitialiser.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="186"/>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Phrase secrète :</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="187"/>
        <source>&amp;Repeat it:</source>
        <translation>&amp;Répétez-la :</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="188"/>
        <source>Also set a &amp;duress passphrase</source>
        <translation>Définir aussi une phrase de &amp;contrainte</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="189"/>
        <source>D&amp;uress passphrase:</source>
        <translation>Phrase de c&amp;ontrainte :</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="191"/>
        <source>Typed instead of the real passphrase, it silently destroys this vault and opens an empty one.</source>
        <translation>Saisie à la place de la vraie phrase, elle détruit ce coffre sans bruit et en ouvre un vide.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="193"/>
        <source>&amp;Create vault</source>
        <translation>&amp;Créer le coffre</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="194"/>
        <source>Passphrase</source>
        <translation>Phrase secrète</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="195"/>
        <source>Repeat the passphrase</source>
        <translation>Répétez la phrase secrète</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="196"/>
        <source>Duress passphrase</source>
        <translation>Phrase de contrainte</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="197"/>
        <source>Passphrase strength</source>
        <translation>Robustesse de la phrase secrète</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="204"/>
        <source>Too short: use at least {n} characters, better several words.</source>
        <translation>Trop courte : au moins {n} caractères, mieux vaut plusieurs mots.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="206"/>
        <source>Weak: add more words.</source>
        <translation>Faible : ajoutez des mots.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="207"/>
        <source>Fair: one or two more words would help.</source>
        <translation>Moyenne : un ou deux mots de plus aideraient.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="208"/>
        <source>Good.</source>
        <translation>Bonne.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="209"/>
        <source>Strong.</source>
        <translation>Robuste.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="232"/>
        <source>The two passphrases differ.</source>
        <translation>Les deux phrases diffèrent.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="233"/>
        <source>Type the same passphrase twice.</source>
        <translation>Saisissez deux fois la même phrase.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="255"/>
        <source>Creating the vault</source>
        <translation>Création du coffre</translation>
    </message>
</context>
<context>
    <name>CustodyTimeline</name>
    <message>
        <location filename="../../fieldkit/ui/custody.py" line="51"/>
        <location filename="../../fieldkit/ui/custody.py" line="53"/>
        <source>Chain of custody</source>
        <extracomment>Actions offered (any other text may be typed).</extracomment>
        <translation>Chaîne de possession</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/custody.py" line="56"/>
        <source>Custody events, oldest first</source>
        <translation>Événements de possession, du plus ancien au plus récent</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/custody.py" line="58"/>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/custody.py" line="58"/>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/custody.py" line="58"/>
        <source>By</source>
        <translation>Par</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/custody.py" line="59"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/custody.py" line="59"/>
        <source>Sealed record</source>
        <translation>Enregistrement scellé</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/custody.py" line="63"/>
        <source>Custody action</source>
        <translation>Action de possession</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/custody.py" line="65"/>
        <source>transferred</source>
        <translation>transféré</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/custody.py" line="65"/>
        <source>copied</source>
        <translation>copié</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/custody.py" line="65"/>
        <source>verified</source>
        <translation>vérifié</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/custody.py" line="66"/>
        <source>viewed</source>
        <translation>consulté</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/custody.py" line="66"/>
        <source>handed over</source>
        <translation>remis</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/custody.py" line="66"/>
        <source>stored</source>
        <translation>stocké</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/custody.py" line="71"/>
        <source>Custody note</source>
        <translation>Note de possession</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/custody.py" line="72"/>
        <source>To whom, where, why</source>
        <translation>À qui, où, pourquoi</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/custody.py" line="74"/>
        <source>Add event</source>
        <translation>Ajouter l&apos;événement</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/custody.py" line="76"/>
        <source>Add a custody event (sealed at once)</source>
        <translation>Ajouter un événement de possession (scellé immédiatement)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/custody.py" line="124"/>
        <source>Chain of custody: {error}</source>
        <translation>Chaîne de possession : {error}</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/custody.py" line="127"/>
        <source>Reading the chain of custody</source>
        <translation>Lecture de la chaîne de possession</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/custody.py" line="135"/>
        <source>this device</source>
        <translation>cet appareil</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/custody.py" line="139"/>
        <source>in the record</source>
        <translation>dans l&apos;enregistrement</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/custody.py" line="154"/>
        <source>Say what happened to the evidence.</source>
        <translation>Indiquez ce qui est arrivé à la preuve.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/custody.py" line="155"/>
        <source>For example: handed over, copied.</source>
        <translation>Par exemple : remis, copié.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/custody.py" line="171"/>
        <source>Sealing a custody event</source>
        <translation>Scellement de l&apos;événement</translation>
    </message>
</context>
<context>
    <name>DossierWizard</name>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="284"/>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="285"/>
        <source>Export a dossier</source>
        <translation>Exporter un dossier</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="329"/>
        <source>Selecting, verifying and rendering…</source>
        <translation>Sélection, vérification et mise en page…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="358"/>
        <source>Cancelled. No file was written.</source>
        <translation>Annulé. Aucun fichier écrit.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="360"/>
        <source>The dossier was not written.</source>
        <translation>Le dossier n&apos;a pas été écrit.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="366"/>
        <source>Exporting the dossier</source>
        <translation>Export du dossier</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="372"/>
        <source>Dossier: {path} ({pages} pages, {n} incidents)</source>
        <translation>Dossier : {path} ({pages} pages, {n} incidents)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="375"/>
        <source>Bundle: {path}</source>
        <translation>Liasse : {path}</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="376"/>
        <source>Contents digest (printed in the dossier): {digest}</source>
        <translation>Empreinte du contenu (imprimée dans le dossier) : {digest}</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="378"/>
        <source>Anyone can check it with: fieldkit verify {bundle} --dossier {pdf}</source>
        <translation>Chacun peut le vérifier avec : fieldkit verify {bundle} --dossier {pdf}</translation>
    </message>
</context>
<context>
    <name>EnrollDialog</name>
    <message>
        <location filename="../../fieldkit/ui/enroll.py" line="97"/>
        <source>Enrol this vault</source>
        <extracomment>A photo of a QR code is a few MiB at most; refuse anything far larger before decoding.</extracomment>
        <translation>Inscrire ce coffre</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/enroll.py" line="98"/>
        <source>Enrol this vault with a registry</source>
        <translation>Inscrire ce coffre auprès d&apos;un registre</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/enroll.py" line="101"/>
        <source>Paste the enrolment code an administrator gave you (it starts with FKE1.), or open a photo of its QR code.</source>
        <translation>Collez le code d&apos;inscription fourni par un administrateur (il commence par FKE1.), ou ouvrez une photo de son code QR.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/enroll.py" line="106"/>
        <source>Enrolment code</source>
        <translation>Code d&apos;inscription</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/enroll.py" line="110"/>
        <source>Open QR image…</source>
        <translation>Ouvrir une image QR…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/enroll.py" line="112"/>
        <source>Open a QR code image</source>
        <translation>Ouvrir une image de code QR</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/enroll.py" line="116"/>
        <source>Name of this device</source>
        <translation>Nom de cet appareil</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/enroll.py" line="117"/>
        <source>e.g. field laptop 3</source>
        <translation>p. ex. portable terrain 3</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/enroll.py" line="123"/>
        <source>&amp;Code:</source>
        <translation>&amp;Code :</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/enroll.py" line="126"/>
        <source>Device &amp;name:</source>
        <translation>&amp;Nom de l&apos;appareil :</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/enroll.py" line="130"/>
        <source>Enrolment error</source>
        <translation>Erreur d&apos;inscription</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/enroll.py" line="136"/>
        <source>Enrolment result</source>
        <translation>Résultat de l&apos;inscription</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/enroll.py" line="142"/>
        <source>&amp;Enrol</source>
        <translation>&amp;Inscrire</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/enroll.py" line="145"/>
        <source>Enrol</source>
        <translation>Inscrire</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/enroll.py" line="183"/>
        <source>Open the enrolment QR image</source>
        <translation>Ouvrir l&apos;image QR d&apos;inscription</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/enroll.py" line="184"/>
        <source>Images (*.png *.jpg *.jpeg *.bmp *.gif *.webp);;All files (*)</source>
        <translation>Images (*.png *.jpg *.jpeg *.bmp *.gif *.webp);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/enroll.py" line="208"/>
        <source>Reading the QR code</source>
        <translation>Lecture du code QR</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/enroll.py" line="235"/>
        <source>monitor</source>
        <translation>observateur</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/enroll.py" line="235"/>
        <source>staff</source>
        <translation>personnel</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/enroll.py" line="236"/>
        <source>administrator</source>
        <translation>administrateur</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/enroll.py" line="238"/>
        <source>Enrolled as {role} with {url}.
Pinned certificate fingerprint (SHA-256):
{fingerprint}
This device: {key}</source>
        <translation>Inscrit comme {role} auprès de {url}.
Empreinte du certificat épinglé (SHA-256) :
{fingerprint}
Cet appareil : {key}</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/enroll.py" line="255"/>
        <source>Enrolling</source>
        <translation>Inscription</translation>
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
        <translation>Code d&apos;erreur : {code}</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/errors.py" line="33"/>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
</context>
<context>
    <name>EvidenceImportDialog</name>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="165"/>
        <location filename="../../fieldkit/ui/evidence.py" line="166"/>
        <source>Import evidence</source>
        <translation>Importer une preuve</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="175"/>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="178"/>
        <source>Evidence description</source>
        <translation>Description de la preuve</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="180"/>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="183"/>
        <source>Captured at (optional)</source>
        <translation>Prise le (facultatif)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="186"/>
        <source>Captured at</source>
        <translation>Prise le</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="190"/>
        <source>Latitude (optional)</source>
        <translation>Latitude (facultatif)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="191"/>
        <source>latitude, e.g. 43.2389</source>
        <translation>latitude, p. ex. 43.2389</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="194"/>
        <source>Longitude (optional)</source>
        <translation>Longitude (facultatif)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="195"/>
        <source>longitude, e.g. 76.8897</source>
        <translation>longitude, p. ex. 76.8897</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="199"/>
        <source>GPS</source>
        <translation>GPS</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="203"/>
        <source>Import progress</source>
        <translation>Progression de l&apos;import</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="206"/>
        <source>Ready to import. The file is encrypted into the vault; the original is not changed.</source>
        <translation>Prêt à importer. Le fichier est chiffré dans le coffre ; l&apos;original n&apos;est pas modifié.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="212"/>
        <source>SHA-256 of the imported file</source>
        <translation>SHA-256 du fichier importé</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="219"/>
        <source>Import</source>
        <translation>Importer</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="223"/>
        <source>Cancel import</source>
        <translation>Annuler l&apos;import</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="225"/>
        <source>Cancel the import</source>
        <translation>Annuler l&apos;import</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="227"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="254"/>
        <source>GPS needs both a latitude and a longitude, as decimal degrees.</source>
        <translation>Le GPS demande une latitude et une longitude, en degrés décimaux.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="256"/>
        <source>For example 43.2389 and 76.8897.</source>
        <translation>Par exemple 43.2389 et 76.8897.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="268"/>
        <source>Importing {name}…</source>
        <translation>Import de {name}…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="277"/>
        <source>Importing evidence</source>
        <translation>Import de la preuve</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="287"/>
        <source>Imported and encrypted. SHA-256:</source>
        <translation>Importé et chiffré. SHA-256 :</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="290"/>
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="305"/>
        <source>Import cancelled: nothing was added to the vault.</source>
        <translation>Import annulé : rien n&apos;a été ajouté au coffre.</translation>
    </message>
</context>
<context>
    <name>EvidencePanel</name>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="383"/>
        <source>Evidence</source>
        <extracomment>A file import dialog opened (tests drive it; the editor does not need it). The incident after a file was added to it.</extracomment>
        <translation>Preuves</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="387"/>
        <source>Evidence files (drop files here to import them)</source>
        <translation>Fichiers de preuve (déposez des fichiers ici pour les importer)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="390"/>
        <source>Import file…</source>
        <translation>Importer un fichier…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="392"/>
        <source>Import an evidence file</source>
        <translation>Importer un fichier de preuve</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="415"/>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="451"/>
        <source>Save the draft first, then import files or drop them on the list.</source>
        <translation>Enregistrez d&apos;abord le brouillon, puis importez des fichiers ou déposez-les sur la liste.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="454"/>
        <source>Sealed: no files can be added. Custody events can.</source>
        <translation>Scellé : aucun fichier ne peut être ajouté, mais des événements de possession oui.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="456"/>
        <source>Or drop files on the list.</source>
        <translation>Ou déposez des fichiers sur la liste.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="484"/>
        <source>Import evidence files</source>
        <translation>Importer des fichiers de preuve</translation>
    </message>
</context>
<context>
    <name>EvidencePreview</name>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="113"/>
        <source>Preview</source>
        <extracomment>Images larger than this are not previewed (they would be decrypted into memory whole). Previews are scaled to fit this square.</extracomment>
        <translation>Aperçu</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="122"/>
        <source>No preview for this type of file.</source>
        <translation>Pas d&apos;aperçu pour ce type de fichier.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="125"/>
        <source>Decrypting the preview…</source>
        <translation>Déchiffrement de l&apos;aperçu…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="144"/>
        <source>Decrypting a preview</source>
        <translation>Déchiffrement d&apos;un aperçu</translation>
    </message>
</context>
<context>
    <name>IncidentEditor</name>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="338"/>
        <source>Incident editor</source>
        <translation>Éditeur d&apos;incident</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="347"/>
        <source>Record state</source>
        <translation>État de l&apos;enregistrement</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="351"/>
        <source>Save draft</source>
        <translation>Enregistrer le brouillon</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="352"/>
        <source>Save the draft</source>
        <translation>Enregistrer le brouillon</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="353"/>
        <source>Seal…</source>
        <translation>Sceller…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="354"/>
        <source>Seal this incident (sign it; it cannot be edited afterwards)</source>
        <translation>Sceller cet incident (le signer ; il ne pourra plus être modifié)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="356"/>
        <source>Amend</source>
        <translation>Modifier</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="357"/>
        <location filename="../../fieldkit/ui/editor.py" line="602"/>
        <source>Start a new revision of this sealed record</source>
        <translation>Commencer une nouvelle révision de cet enregistrement scellé</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="359"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="360"/>
        <source>Close the editor</source>
        <translation>Fermer l&apos;éditeur</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="364"/>
        <source>Annotations</source>
        <translation>Annotations</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="384"/>
        <source>Internal</source>
        <translation>Interne</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="384"/>
        <source>Only our organisation&apos;s staff</source>
        <translation>Seulement le personnel de notre organisation</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="385"/>
        <source>Partners</source>
        <translation>Partenaires</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="385"/>
        <source>Staff and trusted partners</source>
        <translation>Personnel et partenaires de confiance</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="386"/>
        <source>Public</source>
        <translation>Public</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="386"/>
        <source>May be published</source>
        <translation>Peut être publié</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="391"/>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="392"/>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="393"/>
        <source>Date precision</source>
        <translation>Précision de la date</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="394"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="395"/>
        <source>End date</source>
        <translation>Date de fin</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="396"/>
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="397"/>
        <location filename="../../fieldkit/ui/editor.py" line="410"/>
        <source>Place</source>
        <translation>Lieu</translation>
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
        <translation>Confidentialité</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="406"/>
        <source>Title *</source>
        <translation>Titre *</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="407"/>
        <source>Category *</source>
        <translation>Catégorie *</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="408"/>
        <source>When *</source>
        <translation>Date *</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="409"/>
        <source>Country *</source>
        <translation>Pays *</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="417"/>
        <source>Persons (by pseudonym)</source>
        <translation>Personnes (par pseudonyme)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="418"/>
        <source>Add person…</source>
        <translation>Ajouter une personne…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="419"/>
        <source>Add a person</source>
        <translation>Ajouter une personne</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="420"/>
        <location filename="../../fieldkit/ui/editor.py" line="429"/>
        <source>Acts</source>
        <translation>Actes</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="421"/>
        <source>Add act…</source>
        <translation>Ajouter un acte…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="422"/>
        <source>Add an act</source>
        <translation>Ajouter un acte</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="425"/>
        <source>Persons are shown by pseudonym. Real names are optional and internal only.</source>
        <translation>Les personnes apparaissent sous pseudonyme. Les vrais noms sont facultatifs et internes.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="434"/>
        <location filename="../../fieldkit/ui/editor.py" line="450"/>
        <source>Testimonies</source>
        <translation>Témoignages</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="435"/>
        <source>Add testimony…</source>
        <translation>Ajouter un témoignage…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="436"/>
        <source>Add a testimony</source>
        <translation>Ajouter un témoignage</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="448"/>
        <source>Incident</source>
        <translation>Incident</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="449"/>
        <source>Persons and acts</source>
        <translation>Personnes et actes</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="451"/>
        <source>Evidence</source>
        <translation>Preuves</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="471"/>
        <source>Opening…</source>
        <translation>Ouverture…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="550"/>
        <source>Opening the incident</source>
        <translation>Ouverture de l&apos;incident</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="569"/>
        <source>The vault is locked.</source>
        <translation>Le coffre est verrouillé.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="603"/>
        <source>Another device sealed this record: only that device may amend it.</source>
        <translation>Un autre appareil a scellé cet enregistrement : seul cet appareil peut le modifier.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="645"/>
        <source>{kind}: victims {victims}; perpetrators {perps}</source>
        <translation>{kind} : victimes {victims} ; auteurs {perps}</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="659"/>
        <source>Annotations sealed beside this record (they do not change it):</source>
        <translation>Annotations scellées à côté de cet enregistrement (elles ne le modifient pas) :</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="660"/>
        <source>{at}, by device {device}: {text}</source>
        <translation>{at}, par l’appareil {device} : {text}</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="669"/>
        <source>New incident — not saved yet.</source>
        <translation>Nouvel incident — pas encore enregistré.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="672"/>
        <source>Conflict — record {id} claims to amend {prev}, which it may not replace: only the device that sealed a record may amend it, and only within the same incident. It is kept but replaces nothing; {prev} stays current.</source>
        <translation>Conflit — l’enregistrement {id} prétend modifier {prev}, qu’il ne peut pas remplacer : seul l’appareil qui a scellé un enregistrement peut le modifier, et seulement pour le même incident. Il est conservé mais ne remplace rien ; {prev} reste la version en vigueur.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="679"/>
        <source>Two revisions — the device that sealed {id} also sealed another current revision of this incident ({others}). Both are kept; exports ask you to choose one by its record id.</source>
        <translation>Deux révisions — l’appareil qui a scellé {id} a aussi scellé une autre révision en vigueur de cet incident ({others}). Les deux sont conservées ; les exports vous demandent d’en choisir une par son identifiant.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="686"/>
        <source>Sealed and superseded — record {id}, sealed {at}. A newer revision replaces it: {new}.</source>
        <translation>Scellé et remplacé — enregistrement {id}, scellé le {at}. Une révision plus récente le remplace : {new}.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="692"/>
        <source>Sealed by another device — record {id}, sealed {at}. Read-only: only the device that sealed it may amend it; annotate it to add a correction beside it.</source>
        <translation>Scellé par un autre appareil — enregistrement {id}, scellé le {at}. Lecture seule : seul l’appareil qui l’a scellé peut le modifier ; annotez-le pour ajouter une correction à côté.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="698"/>
        <source>Sealed — record {id}, sealed {at}. Read-only: use Amend to correct it.</source>
        <translation>Scellé — enregistrement {id}, scellé le {at}. Lecture seule : utilisez Modifier pour le corriger.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="703"/>
        <source>Draft {id} — not sealed yet; you can still edit it.</source>
        <translation>Brouillon {id} — pas encore scellé ; vous pouvez encore le modifier.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="706"/>
        <source>It amends the sealed record {id}.</source>
        <translation>Il modifie l&apos;enregistrement scellé {id}.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="708"/>
        <source>{n} record(s) of other devices claim to amend this one; they replace nothing.</source>
        <translation>{n} enregistrement(s) d’autres appareils prétendent modifier celui-ci ; ils ne remplacent rien.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="726"/>
        <source>Choose a category.</source>
        <translation>Choisissez une catégorie.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="727"/>
        <source>Pick the category that fits best; it can be changed until the record is sealed.</source>
        <translation>Choisissez la catégorie la plus juste ; elle peut changer jusqu&apos;au scellement.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="731"/>
        <source>Choose the country where it happened.</source>
        <translation>Choisissez le pays où cela s&apos;est passé.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="732"/>
        <source>Type part of the country&apos;s name to find it.</source>
        <translation>Tapez une partie du nom du pays pour le trouver.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="771"/>
        <source>Saving the incident</source>
        <translation>Enregistrement de l&apos;incident</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="846"/>
        <source>Starting a revision</source>
        <translation>Début d&apos;une révision</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="861"/>
        <location filename="../../fieldkit/ui/editor.py" line="866"/>
        <source>Unsaved changes</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="862"/>
        <source>Save the changes to this draft?</source>
        <translation>Enregistrer les modifications de ce brouillon ?</translation>
    </message>
</context>
<context>
    <name>IncidentModel</name>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="58"/>
        <source>Title</source>
        <extracomment>After a change, reload at most this many rows (the rows the user had scrolled to). The query costs 10-40 ms at 100k incidents (bench/bench_ui.py): results within 100 ms of the last key, with room for a busy machine.</extracomment>
        <translation>Titre</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="59"/>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="60"/>
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="61"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="62"/>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="63"/>
        <source>Synced</source>
        <translation>Synchronisé</translation>
    </message>
</context>
<context>
    <name>IncidentTableModel</name>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="262"/>
        <source>Loading incidents</source>
        <extracomment>How to ask for the next page: a (occurred, rowid) key, or a search-hit offset.</extracomment>
        <translation>Chargement des incidents</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="292"/>
        <source>Draft</source>
        <translation>Brouillon</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="292"/>
        <source>Sealed</source>
        <translation>Scellé</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="293"/>
        <source>Sealed (amended)</source>
        <translation>Scellé (modifié)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="294"/>
        <source>Conflict</source>
        <translation>Conflit</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="295"/>
        <source>Two revisions</source>
        <translation>Deux révisions</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="300"/>
        <source>This record claims to amend a record it may not replace (another device&apos;s, or another incident&apos;s). It is kept but replaces nothing; the record it names stays current.</source>
        <translation>Cet enregistrement prétend modifier un enregistrement qu’il ne peut pas remplacer (celui d’un autre appareil ou d’un autre incident). Il est conservé mais ne remplace rien ; l’enregistrement qu’il nomme reste en vigueur.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="304"/>
        <source>The same device sealed two current revisions of this incident. Both are kept; exports ask you to choose one by its record id.</source>
        <translation>Le même appareil a scellé deux révisions en vigueur de cet incident. Les deux sont conservées ; les exports vous demandent d’en choisir une par son identifiant.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="331"/>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="331"/>
        <source>No</source>
        <translation>Non</translation>
    </message>
</context>
<context>
    <name>IncidentsPage</name>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="481"/>
        <source>&amp;Search:</source>
        <translation>&amp;Rechercher :</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="482"/>
        <source>Words in any language, names, places…</source>
        <translation>Mots dans toute langue, noms, lieux…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="483"/>
        <source>Search incidents</source>
        <translation>Rechercher des incidents</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="484"/>
        <source>&amp;New incident</source>
        <translation>&amp;Nouvel incident</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="485"/>
        <source>New incident</source>
        <translation>Nouvel incident</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="486"/>
        <source>Clear filters</source>
        <translation>Effacer les filtres</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="487"/>
        <source>&amp;Category:</source>
        <translation>&amp;Catégorie :</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="487"/>
        <source>C&amp;ountry:</source>
        <translation>&amp;Pays :</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="487"/>
        <source>&amp;From:</source>
        <translation>&amp;Du :</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="487"/>
        <source>&amp;To:</source>
        <translation>&amp;Au :</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="488"/>
        <source>S&amp;tate:</source>
        <translation>É&amp;tat :</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="488"/>
        <source>S&amp;ynced:</source>
        <translation>S&amp;ynchro :</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="491"/>
        <source>Category filter</source>
        <translation>Filtre par catégorie</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="491"/>
        <source>Country filter</source>
        <translation>Filtre par pays</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="491"/>
        <source>From date</source>
        <translation>Date de début</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="492"/>
        <source>To date</source>
        <translation>Date de fin</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="492"/>
        <source>State filter</source>
        <translation>Filtre par état</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="492"/>
        <source>Synced filter</source>
        <translation>Filtre de synchronisation</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="497"/>
        <source>any</source>
        <translation>toute date</translation>
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
        <translation>Tous</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="499"/>
        <source>Drafts</source>
        <translation>Brouillons</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="500"/>
        <source>Sealed</source>
        <translation>Scellés</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="501"/>
        <source>Synced</source>
        <translation>Synchronisés</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="502"/>
        <source>Not synced</source>
        <translation>Non synchronisés</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="590"/>
        <source>{n}{more} found</source>
        <translation>{n}{more} trouvés</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="592"/>
        <source>{n} incidents</source>
        <translation>{n} incidents</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="594"/>
        <source>{n} shown</source>
        <translation>{n} affichés</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="596"/>
        <source>loading…</source>
        <translation>chargement…</translation>
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
        <translation>Synchronisation</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/mainwindow.py" line="69"/>
        <source>Audit</source>
        <translation>Audit</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/mainwindow.py" line="71"/>
        <source>Staff</source>
        <translation>Équipe</translation>
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
        <translation>&amp;Coffre</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/mainwindow.py" line="210"/>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/mainwindow.py" line="211"/>
        <source>&amp;Lock now</source>
        <translation>&amp;Verrouiller</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/mainwindow.py" line="212"/>
        <source>&amp;New incident</source>
        <translation>&amp;Nouvel incident</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/mainwindow.py" line="213"/>
        <source>&amp;Auto-lock…</source>
        <translation>Verrouillage &amp;automatique…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/mainwindow.py" line="214"/>
        <source>Panic &amp;wipe…</source>
        <translation>&amp;Effacement d&apos;urgence…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/mainwindow.py" line="215"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/mainwindow.py" line="216"/>
        <source>Sections</source>
        <translation>Sections</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/mainwindow.py" line="240"/>
        <source>Unlocked: {path}</source>
        <translation>Déverrouillé : {path}</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/mainwindow.py" line="244"/>
        <source>Locked</source>
        <translation>Verrouillé</translation>
    </message>
</context>
<context>
    <name>OutputPage</name>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="178"/>
        <source>Language and files</source>
        <translation>Langue et fichiers</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="179"/>
        <source>The bundle lets anyone check the dossier offline: the signed records and the registry&apos;s proofs.</source>
        <translation>La liasse permet à chacun de vérifier le dossier hors ligne : les enregistrements signés et les preuves du registre.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="183"/>
        <source>Dossier language</source>
        <translation>Langue du dossier</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="191"/>
        <source>Dossier PDF file</source>
        <translation>Fichier PDF du dossier</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="194"/>
        <source>Verification bundle file</source>
        <translation>Fichier de la liasse de vérification</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="195"/>
        <source>Also write the verification bundle</source>
        <translation>Écrire aussi la liasse de vérification</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="199"/>
        <source>Include evidence files in the bundle (otherwise they are listed by SHA-256 only)</source>
        <translation>Inclure les fichiers de preuve dans la liasse (sinon ils sont listés par SHA-256 seulement)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="206"/>
        <source>Prepared by</source>
        <translation>Préparé par</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="210"/>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="223"/>
        <source>Language:</source>
        <translation>Langue :</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="224"/>
        <source>Dossier (PDF):</source>
        <translation>Dossier (PDF) :</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="225"/>
        <source>Save the dossier as</source>
        <translation>Enregistrer le dossier sous</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="225"/>
        <source>PDF files (*.pdf)</source>
        <translation>Fichiers PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="227"/>
        <source>Bundle (ZIP):</source>
        <translation>Liasse (ZIP) :</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="228"/>
        <source>Save the bundle as</source>
        <translation>Enregistrer la liasse sous</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="228"/>
        <source>ZIP files (*.zip)</source>
        <translation>Fichiers ZIP (*.zip)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="230"/>
        <source>Prepared by:</source>
        <translation>Préparé par :</translation>
    </message>
</context>
<context>
    <name>PanicWipeDialog</name>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="515"/>
        <source>Panic wipe</source>
        <translation>Effacement d&apos;urgence</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="517"/>
        <source>WIPE</source>
        <translation>EFFACER</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="519"/>
        <source>This destroys the vault&apos;s key at once: every incident, testimony and evidence file in this vault becomes unreadable for ever, and the recovery key will not bring it back. Records already synced stay at the registry.

Type {word} to confirm.</source>
        <translation>Ceci détruit immédiatement la clé du coffre : chaque incident, témoignage et élément de preuve de ce coffre devient illisible pour toujours, et la clé de récupération ne le rendra pas. Les enregistrements déjà synchronisés restent au registre.

Tapez {word} pour confirmer.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="528"/>
        <source>Type {word} to confirm</source>
        <translation>Tapez {word} pour confirmer</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="533"/>
        <source>&amp;Wipe the vault</source>
        <translation>&amp;Effacer le coffre</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="133"/>
        <location filename="../../fieldkit/ui/persons.py" line="134"/>
        <source>Add a person</source>
        <translation>Ajouter une personne</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="139"/>
        <source>Person {n}</source>
        <translation>Personne {n}</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="141"/>
        <source>Pseudonym (required)</source>
        <translation>Pseudonyme (obligatoire)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="142"/>
        <source>How this person is named in every record and report. Do not use the real name here.</source>
        <translation>Le nom de cette personne dans chaque enregistrement et rapport. N&apos;utilisez pas son vrai nom ici.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="146"/>
        <source>Pseudonym *</source>
        <translation>Pseudonyme *</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="157"/>
        <source>Roles</source>
        <translation>Rôles</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="161"/>
        <location filename="../../fieldkit/ui/persons.py" line="166"/>
        <source>Gender</source>
        <translation>Genre</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="162"/>
        <location filename="../../fieldkit/ui/persons.py" line="170"/>
        <source>Not recorded</source>
        <translation>Non renseigné</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="163"/>
        <source>Female</source>
        <translation>Femme</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="163"/>
        <source>Male</source>
        <translation>Homme</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="163"/>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="169"/>
        <location filename="../../fieldkit/ui/persons.py" line="174"/>
        <source>Age group</source>
        <translation>Tranche d&apos;âge</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="171"/>
        <source>Child</source>
        <translation>Enfant</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="171"/>
        <source>Adult</source>
        <translation>Adulte</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="171"/>
        <source>Older</source>
        <translation>Personne âgée</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="177"/>
        <source>Internal only — never shared outside the organisation (optional)</source>
        <translation>Interne seulement — jamais partagé hors de l&apos;organisation (facultatif)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="180"/>
        <source>Internal only details</source>
        <translation>Détails internes</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="184"/>
        <location filename="../../fieldkit/ui/persons.py" line="187"/>
        <source>Real name (internal only)</source>
        <translation>Vrai nom (interne)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="185"/>
        <source>Leave empty unless it is needed</source>
        <translation>Laissez vide sauf nécessité</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="190"/>
        <location filename="../../fieldkit/ui/persons.py" line="192"/>
        <source>Contact (internal only)</source>
        <translation>Contact (interne)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="208"/>
        <source>The pseudonym is required.</source>
        <translation>Le pseudonyme est obligatoire.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="209"/>
        <source>Give a name that does not identify the person, such as “Witness A”.</source>
        <translation>Donnez un nom qui n&apos;identifie pas la personne, comme « Témoin A ».</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="232"/>
        <source>Adding a person</source>
        <translation>Ajout de la personne</translation>
    </message>
</context>
<context>
    <name>Persons</name>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="115"/>
        <source>identity on file (internal only)</source>
        <translation>identité enregistrée (interne)</translation>
    </message>
</context>
<context>
    <name>RecoverDialog</name>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="413"/>
        <source>Recover the vault</source>
        <translation>Récupérer le coffre</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="417"/>
        <source>Recovery key</source>
        <translation>Clé de récupération</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="419"/>
        <source>New passphrase</source>
        <translation>Nouvelle phrase secrète</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="421"/>
        <source>Repeat the new passphrase</source>
        <translation>Répétez la nouvelle phrase secrète</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="422"/>
        <source>Recovery &amp;key:</source>
        <translation>&amp;Clé de récupération :</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="423"/>
        <source>&amp;New passphrase:</source>
        <translation>&amp;Nouvelle phrase secrète :</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="424"/>
        <source>&amp;Repeat it:</source>
        <translation>&amp;Répétez-la :</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="443"/>
        <source>The two passphrases differ.</source>
        <translation>Les deux phrases diffèrent.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="460"/>
        <source>Recovering</source>
        <translation>Récupération</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyPage</name>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="295"/>
        <source>Write down your recovery key</source>
        <translation>Notez votre clé de récupération</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="297"/>
        <source>If you forget your passphrase, this key is the only way back into the vault. Write it on paper and keep it somewhere safe, away from this computer. It will not be shown again.</source>
        <translation>Si vous oubliez votre phrase secrète, cette clé est le seul moyen de rouvrir le coffre. Écrivez-la sur papier et gardez-la en lieu sûr, loin de cet ordinateur. Elle ne sera plus affichée.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="300"/>
        <source>I have &amp;written it down</source>
        <translation>Je l&apos;ai &amp;notée</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="301"/>
        <source>C&amp;ontinue</source>
        <translation>C&amp;ontinuer</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="302"/>
        <source>Recovery key</source>
        <translation>Clé de récupération</translation>
    </message>
</context>
<context>
    <name>RunPage</name>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="244"/>
        <source>Exporting</source>
        <translation>Export en cours</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="247"/>
        <source>Export progress</source>
        <translation>Progression de l&apos;export</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="248"/>
        <source>Cancel export</source>
        <translation>Annuler l&apos;export</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="253"/>
        <source>Export result</source>
        <translation>Résultat de l&apos;export</translation>
    </message>
</context>
<context>
    <name>SealDialog</name>
    <message>
        <location filename="../../fieldkit/ui/seal.py" line="87"/>
        <location filename="../../fieldkit/ui/seal.py" line="88"/>
        <source>Seal this incident</source>
        <translation>Sceller cet incident</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/seal.py" line="92"/>
        <source>Sealing signs the record below with this device&apos;s key. A sealed record can never be edited again; corrections are new revisions (Amend). The signature also covers this device&apos;s record number, its previous record, the revision this one amends and the time of sealing.</source>
        <translation>Sceller signe l&apos;enregistrement ci-dessous avec la clé de cet appareil. Un enregistrement scellé ne peut plus jamais être modifié ; les corrections sont de nouvelles révisions (Modifier). La signature couvre aussi le numéro d&apos;enregistrement de l&apos;appareil, l&apos;enregistrement précédent, la révision modifiée et l&apos;heure du scellement.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/seal.py" line="97"/>
        <source>Reading the record…</source>
        <translation>Lecture de l&apos;enregistrement…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/seal.py" line="99"/>
        <source>Signing key</source>
        <translation>Clé de signature</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/seal.py" line="104"/>
        <source>The record that will be signed (canonical JSON)</source>
        <translation>L&apos;enregistrement qui sera signé (JSON canonique)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/seal.py" line="112"/>
        <source>Seal and sign</source>
        <translation>Sceller et signer</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/seal.py" line="114"/>
        <source>Seal and sign this record</source>
        <translation>Sceller et signer cet enregistrement</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/seal.py" line="117"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/seal.py" line="143"/>
        <source>Preparing the seal</source>
        <translation>Préparation du scellement</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/seal.py" line="147"/>
        <source>Signed by this device&apos;s key {fingerprint} ({key_id}).</source>
        <translation>Signé par la clé de cet appareil {fingerprint} ({key_id}).</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/seal.py" line="150"/>
        <source>It amends the sealed record {id}.</source>
        <translation>Il modifie l&apos;enregistrement scellé {id}.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/seal.py" line="176"/>
        <source>Sealing</source>
        <translation>Scellement</translation>
    </message>
</context>
<context>
    <name>SelectionPage</name>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="80"/>
        <source>Which incidents?</source>
        <translation>Quels incidents ?</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="81"/>
        <source>Only sealed incidents go into a dossier, each in its newest revision.</source>
        <translation>Seuls les incidents scellés entrent dans un dossier, chacun dans sa révision la plus récente.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="84"/>
        <source>The {n} incidents selected</source>
        <translation>Les {n} incidents sélectionnés</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="86"/>
        <source>Every sealed incident matching:</source>
        <translation>Tout incident scellé correspondant à :</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="96"/>
        <source>From date</source>
        <translation>Date de début</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="97"/>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="101"/>
        <source>YYYY, YYYY-MM or YYYY-MM-DD</source>
        <translation>AAAA, AAAA-MM ou AAAA-MM-JJ</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="100"/>
        <source>To date (inclusive)</source>
        <translation>Jusqu&apos;au (inclus)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="104"/>
        <source>Country (two-letter code)</source>
        <translation>Pays (code à deux lettres)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="106"/>
        <source>e.g. FR</source>
        <translation>p. ex. FR</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="109"/>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="110"/>
        <source>Any category</source>
        <translation>Toute catégorie</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="117"/>
        <source>From:</source>
        <translation>Du :</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="118"/>
        <source>To:</source>
        <translation>Au :</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="119"/>
        <source>Country:</source>
        <translation>Pays :</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="120"/>
        <source>Category:</source>
        <translation>Catégorie :</translation>
    </message>
</context>
<context>
    <name>StaffPage</name>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="45"/>
        <source>Staff</source>
        <extracomment>How many received incidents the table shows (newest first); the Incidents page has all.</extracomment>
        <translation>Équipe</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="47"/>
        <source>Pull</source>
        <translation>Récupérer</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="49"/>
        <source>Pull new records from the registry</source>
        <translation>Récupérer les nouveaux enregistrements du registre</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="53"/>
        <source>Pull progress</source>
        <translation>Progression de la récupération</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="56"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="58"/>
        <source>Cancel the pull</source>
        <translation>Annuler la récupération</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="67"/>
        <source>Last pull report</source>
        <translation>Rapport de la dernière récupération</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="71"/>
        <source>Pull error</source>
        <translation>Erreur de récupération</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="78"/>
        <source>Sealed incidents in this vault</source>
        <translation>Incidents scellés de ce coffre</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="79"/>
        <source>Occurred</source>
        <translation>Survenu le</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="79"/>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="80"/>
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="80"/>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="81"/>
        <location filename="../../fieldkit/ui/staff.py" line="120"/>
        <source>Record</source>
        <translation>Enregistrement</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="91"/>
        <location filename="../../fieldkit/ui/staff.py" line="318"/>
        <source>Export a dossier…</source>
        <translation>Exporter un dossier…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="93"/>
        <source>Open the dossier export wizard</source>
        <translation>Ouvrir l&apos;assistant d&apos;export de dossier</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="101"/>
        <source>Exports made from this vault</source>
        <translation>Exports faits depuis ce coffre</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="103"/>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="103"/>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="103"/>
        <source>Audience</source>
        <translation>Public visé</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="103"/>
        <source>Records</source>
        <translation>Enregistrements</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="104"/>
        <source>Reported to the registry</source>
        <translation>Signalé au registre</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="113"/>
        <source>Records in quarantine</source>
        <translation>Enregistrements en quarantaine</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="118"/>
        <source>Pulled records in quarantine, with the reason for each</source>
        <translation>Enregistrements reçus mis en quarantaine, avec la raison de chacun</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="120"/>
        <source>Device</source>
        <translation>Appareil</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="120"/>
        <source>Why it is in quarantine</source>
        <translation>Pourquoi il est en quarantaine</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="121"/>
        <source>First seen</source>
        <translation>Vu pour la première fois</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="133"/>
        <source>Sealed incidents received</source>
        <translation>Incidents scellés reçus</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="138"/>
        <source>Exports</source>
        <translation>Exports</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="210"/>
        <source>Reading the incidents</source>
        <translation>Lecture des incidents</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="237"/>
        <source>{n} sealed incidents</source>
        <translation>{n} incidents scellés</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="238"/>
        <source>Newest {shown} of {n} sealed incidents</source>
        <translation>Les {shown} plus récents sur {n} incidents scellés</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="243"/>
        <source>queued</source>
        <translation>en attente</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="252"/>
        <source>It is damaged or forged: it is not a well-formed record.</source>
        <translation>Il est endommagé ou falsifié : ce n&apos;est pas un enregistrement bien formé.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="253"/>
        <source>It reached the registry unsealed, not sealed to the organisation&apos;s key.</source>
        <translation>Il est arrivé au registre sans être scellé pour la clé de l&apos;organisation.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="255"/>
        <source>The device signature on it does not verify.</source>
        <translation>La signature de l&apos;appareil ne se vérifie pas.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="256"/>
        <source>The registry describes it differently from what its device signed.</source>
        <translation>Le registre le décrit autrement que ce que son appareil a signé.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="258"/>
        <source>No organisation key in this vault opens it.</source>
        <translation>Aucune clé d&apos;organisation de ce coffre ne l&apos;ouvre.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="259"/>
        <source>The registry gave no receipt for it: nothing shows it is in the log.</source>
        <translation>Le registre n&apos;a donné aucun reçu : rien ne montre qu&apos;il figure dans le journal.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="261"/>
        <source>Its receipt does not prove that it is in the log.</source>
        <translation>Son reçu ne prouve pas qu&apos;il figure dans le journal.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="262"/>
        <source>Its receipt rests on a history of the log that contradicts this vault&apos;s.</source>
        <translation>Son reçu repose sur un historique du journal qui contredit celui de ce coffre.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="264"/>
        <source>The log shows no enrolment of the device that signed it.</source>
        <translation>Le journal ne montre aucun enrôlement de l&apos;appareil qui l&apos;a signé.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="265"/>
        <source>The proof of its device&apos;s enrolment does not hold.</source>
        <translation>La preuve de l&apos;enrôlement de son appareil ne tient pas.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="266"/>
        <source>Its device is enrolled with a role that may not send records.</source>
        <translation>Son appareil est enrôlé avec un rôle qui ne peut pas envoyer d&apos;enregistrements.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="268"/>
        <source>It was logged before its device was enrolled.</source>
        <translation>Il a été journalisé avant l&apos;enrôlement de son appareil.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="270"/>
        <source>Its device had been revoked before it was logged.</source>
        <translation>Son appareil avait été révoqué avant qu&apos;il soit journalisé.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="271"/>
        <source>One of its files could not be fetched whole.</source>
        <translation>L&apos;un de ses fichiers n&apos;a pas pu être récupéré en entier.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="278"/>
        <source>No pulled record is in quarantine.</source>
        <translation>Aucun enregistrement reçu n&apos;est en quarantaine.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="282"/>
        <source>{n} pulled records are in quarantine: the registry&apos;s log does not vouch for them, so they are in no list, search or export. Each pull checks them again.</source>
        <translation>{n} enregistrements reçus sont en quarantaine : le journal du registre ne les garantit pas, ils ne figurent donc dans aucune liste, recherche ni exportation. Chaque réception les vérifie à nouveau.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="314"/>
        <source>Only a staff vault, enrolled with a staff code and holding the organisation key, can pull records.</source>
        <translation>Seul un coffre du personnel, inscrit avec un code du personnel et détenant la clé de l&apos;organisation, peut récupérer des enregistrements.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="317"/>
        <source>Export a dossier of {n} incidents…</source>
        <translation>Exporter un dossier de {n} incidents…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="333"/>
        <source>Pulling…</source>
        <translation>Récupération…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="356"/>
        <source>Cancelled. Every record already received was kept whole; pull again to continue.</source>
        <translation>Annulé. Chaque enregistrement déjà reçu est conservé entier ; récupérez à nouveau pour continuer.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="360"/>
        <source>Not pulled.</source>
        <translation>Non récupéré.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="368"/>
        <source>Pulling records</source>
        <translation>Récupération des enregistrements</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="284"/>
        <source>Organisation key</source>
        <translation>Clé de l&apos;organisation</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="289"/>
        <source>Read this safety number to your organisation&apos;s staff by phone or in person, or let them scan the code. If it differs from theirs, do not sync: tell an administrator.</source>
        <translation>Lisez ce numéro de sécurité au personnel de votre organisation par téléphone ou en personne, ou laissez-le scanner le code. S&apos;il diffère du leur, ne synchronisez pas : prévenez un administrateur.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="295"/>
        <source>Safety number of the organisation key</source>
        <translation>Numéro de sécurité de la clé de l&apos;organisation</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="304"/>
        <source>QR code of the organisation key</source>
        <translation>Code QR de la clé de l&apos;organisation</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="436"/>
        <source>No organisation key yet: a monitor learns it at enrolment or on its first sync.</source>
        <translation>Pas encore de clé d&apos;organisation : un moniteur la reçoit à l&apos;inscription ou à sa première synchronisation.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="260"/>
        <source>Sync</source>
        <translation>Synchronisation</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="262"/>
        <source>Registry</source>
        <translation>Registre</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="273"/>
        <source>Address:</source>
        <translation>Adresse :</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="274"/>
        <source>This vault is:</source>
        <translation>Ce coffre est :</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="275"/>
        <source>Waiting to be sent:</source>
        <translation>En attente d&apos;envoi :</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="276"/>
        <source>Last sync:</source>
        <translation>Dernière synchronisation :</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="277"/>
        <source>Enrol this vault…</source>
        <translation>Inscrire ce coffre…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="279"/>
        <source>Enrol this vault with a registry</source>
        <translation>Inscrire ce coffre auprès d&apos;un registre</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="309"/>
        <location filename="../../fieldkit/ui/syncpanel.py" line="311"/>
        <location filename="../../fieldkit/ui/syncpanel.py" line="421"/>
        <source>Sync now</source>
        <translation>Synchroniser</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="313"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="315"/>
        <source>Cancel the sync</source>
        <translation>Annuler la synchronisation</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="319"/>
        <source>Sync progress</source>
        <translation>Progression de la synchronisation</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="329"/>
        <source>Last sync report</source>
        <translation>Rapport de la dernière synchronisation</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="333"/>
        <source>Sync error</source>
        <translation>Erreur de synchronisation</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="340"/>
        <source>Sync log</source>
        <translation>Journal de synchronisation</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="342"/>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="342"/>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="342"/>
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="342"/>
        <source>Detail</source>
        <translation>Détail</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="355"/>
        <source>Sync log on this device</source>
        <translation>Journal de synchronisation de cet appareil</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="400"/>
        <source>Reading the sync log</source>
        <translation>Lecture du journal de synchronisation</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="403"/>
        <source>a monitor&apos;s vault (sends sealed records)</source>
        <translation>le coffre d&apos;un observateur (envoie des enregistrements scellés)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="404"/>
        <source>a staff vault (receives records)</source>
        <translation>un coffre du personnel (reçoit les enregistrements)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="405"/>
        <source>an administrator&apos;s vault</source>
        <translation>le coffre d&apos;un administrateur</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="408"/>
        <source>Not enrolled</source>
        <translation>Non inscrit</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="413"/>
        <source>{n} sealed records</source>
        <translation>{n} enregistrements scellés</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="417"/>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="420"/>
        <source>Pull now</source>
        <translation>Récupérer maintenant</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="466"/>
        <source>Syncing…</source>
        <translation>Synchronisation…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="493"/>
        <source>Not synced.</source>
        <translation>Non synchronisé.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="499"/>
        <source>Syncing</source>
        <translation>Synchronisation</translation>
    </message>
</context>
<context>
    <name>SyncPanel</name>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="60"/>
        <source>never</source>
        <extracomment>How often the status bar asks the registry whether it is up (ms). How many sync log lines the page shows.</extracomment>
        <translation>jamais</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="74"/>
        <source>Received {records} records and {files} files ({size}).</source>
        <translation>{records} enregistrements et {files} fichiers reçus ({size}).</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="79"/>
        <source>Sent {records} records and {files} files ({size}); each has a verified receipt.</source>
        <translation>{records} enregistrements et {files} fichiers envoyés ({size}) ; chacun a un reçu vérifié.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="84"/>
        <source>{n} retries.</source>
        <translation>{n} nouvelles tentatives.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="90"/>
        <source>Cancelled. Records already sent keep their receipts; the rest stay queued and nothing half-stored was kept.</source>
        <translation>Annulé. Les enregistrements déjà envoyés gardent leurs reçus ; les autres restent en file et rien d&apos;incomplet n&apos;a été conservé.</translation>
    </message>
</context>
<context>
    <name>SyncStatusWidget</name>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="153"/>
        <source>Sync status</source>
        <translation>État de la synchronisation</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="221"/>
        <source>Checking the registry</source>
        <translation>Vérification du registre</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="231"/>
        <source>Not enrolled</source>
        <translation>Non inscrit</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="234"/>
        <source>This vault is not connected to a registry.</source>
        <translation>Ce coffre n&apos;est relié à aucun registre.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="237"/>
        <source>Registry distrusted</source>
        <translation>Registre non fiable</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="239"/>
        <source>Checking…</source>
        <translation>Vérification…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="241"/>
        <source>Online</source>
        <translation>En ligne</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="243"/>
        <source>Offline</source>
        <translation>Hors ligne</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="246"/>
        <source>Queue: {n}</source>
        <translation>En attente : {n}</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="247"/>
        <source>Last receipt: {when}</source>
        <translation>Dernier reçu : {when}</translation>
    </message>
</context>
<context>
    <name>Tasks</name>
    <message>
        <location filename="../../fieldkit/ui/tasks.py" line="261"/>
        <source>Working</source>
        <extracomment>How often the GUI reads a running task&apos;s progress (ms).</extracomment>
        <translation>En cours</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/tasks.py" line="263"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/tasks.py" line="264"/>
        <source>Progress</source>
        <translation>Progression</translation>
    </message>
</context>
<context>
    <name>TestimonyDialog</name>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="74"/>
        <location filename="../../fieldkit/ui/testimony.py" line="75"/>
        <source>Add a testimony</source>
        <extracomment>Languages offered for a testimony, by their own names (so no translation is needed).</extracomment>
        <translation>Ajouter un témoignage</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="82"/>
        <source>Witness: pick a person or type a new pseudonym</source>
        <translation>Témoin : choisissez une personne ou tapez un nouveau pseudonyme</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="92"/>
        <source>Witness {n}</source>
        <translation>Témoin {n}</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="93"/>
        <source>A pseudonym, never the real name.</source>
        <translation>Un pseudonyme, jamais le vrai nom.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="94"/>
        <source>Witness (pseudonym)</source>
        <translation>Témoin (pseudonyme)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="98"/>
        <source>Language of the testimony</source>
        <translation>Langue du témoignage</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="103"/>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="109"/>
        <source>Internal</source>
        <translation>Interne</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="110"/>
        <source>Only our organisation&apos;s staff may read it.</source>
        <translation>Seul le personnel de notre organisation peut le lire.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="111"/>
        <source>Partners</source>
        <translation>Partenaires</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="112"/>
        <source>Trusted partner organisations may read it too.</source>
        <translation>Les organisations partenaires de confiance peuvent aussi le lire.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="113"/>
        <source>Public</source>
        <translation>Public</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="114"/>
        <source>It may be published, under the witness&apos;s pseudonym.</source>
        <translation>Il peut être publié, sous le pseudonyme du témoin.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="119"/>
        <source>Consent: {level}</source>
        <translation>Consentement : {level}</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="131"/>
        <source>Consent given</source>
        <translation>Consentement donné</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="135"/>
        <source>Testimony text</source>
        <translation>Texte du témoignage</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="137"/>
        <source>Testimony</source>
        <translation>Témoignage</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="140"/>
        <location filename="../../fieldkit/ui/testimony.py" line="196"/>
        <source>No audio</source>
        <translation>Pas d&apos;audio</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="142"/>
        <source>Attach audio file…</source>
        <translation>Joindre un fichier audio…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="144"/>
        <location filename="../../fieldkit/ui/testimony.py" line="202"/>
        <source>Attach an audio file</source>
        <translation>Joindre un fichier audio</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="146"/>
        <source>Record</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="148"/>
        <source>Record audio</source>
        <translation>Enregistrer l&apos;audio</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="152"/>
        <source>Recording needs Qt Multimedia and a microphone, which this computer does not have. Attach an audio file instead.</source>
        <translation>L&apos;enregistrement demande Qt Multimedia et un microphone, absents de cet ordinateur. Joignez plutôt un fichier audio.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="158"/>
        <source>Audio</source>
        <translation>Audio</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="163"/>
        <source>Saving progress</source>
        <translation>Progression de l&apos;enregistrement</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="165"/>
        <source>Cancel import</source>
        <translation>Annuler l&apos;import</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="226"/>
        <source>Stop recording</source>
        <translation>Arrêter l&apos;enregistrement</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="227"/>
        <source>Recording…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="230"/>
        <source>Record again</source>
        <translation>Enregistrer à nouveau</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="248"/>
        <source>Name the witness by a pseudonym.</source>
        <translation>Nommez le témoin par un pseudonyme.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="249"/>
        <source>Pick a person or type a new pseudonym such as “Witness A”.</source>
        <translation>Choisissez une personne ou tapez un nouveau pseudonyme comme « Témoin A ».</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="253"/>
        <source>The testimony is empty.</source>
        <translation>Le témoignage est vide.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="254"/>
        <source>Type the testimony or attach its audio.</source>
        <translation>Tapez le témoignage ou joignez son audio.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="282"/>
        <source>Saving the testimony</source>
        <translation>Enregistrement du témoignage</translation>
    </message>
</context>
<context>
    <name>UnlockPage</name>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="355"/>
        <source>Unlock the vault</source>
        <translation>Déverrouiller le coffre</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="356"/>
        <source>Vault: {path}</source>
        <translation>Coffre : {path}</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="357"/>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Phrase secrète :</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="358"/>
        <source>Passphrase</source>
        <translation>Phrase secrète</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="359"/>
        <source>&amp;Unlock</source>
        <translation>&amp;Déverrouiller</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="360"/>
        <source>Forgot it? Use the &amp;recovery key…</source>
        <translation>Oubliée ? Utilisez la clé de &amp;récupération…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="399"/>
        <source>Unlocking</source>
        <translation>Déverrouillage</translation>
    </message>
</context>
<context>
    <name>WhenEdit</name>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="235"/>
        <source>Exact time</source>
        <translation>Heure exacte</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="235"/>
        <source>Day</source>
        <translation>Jour</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="236"/>
        <source>Month</source>
        <translation>Mois</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="236"/>
        <source>Year</source>
        <translation>Année</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="237"/>
        <source>About (approximate)</source>
        <translation>Environ (approximatif)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="237"/>
        <source>Range</source>
        <translation>Période</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="242"/>
        <source>to</source>
        <translation>au</translation>
    </message>
</context>
</TS>
