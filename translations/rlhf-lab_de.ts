<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>lab</name>
    <message>
        <source>lost root cause</source>
        <translation>Grundursache verloren</translation>
    </message>
    <message>
        <source>new hallucination</source>
        <translation>neue Halluzination</translation>
    </message>
    <message>
        <source>new unsafe action</source>
        <translation>neue unsichere Aktion</translation>
    </message>
    <message>
        <source>score drop</source>
        <translation>Punktrückgang</translation>
    </message>
    <message>
        <source>Root cause</source>
        <translation>Grundursache</translation>
    </message>
    <message>
        <source>Hallucination</source>
        <translation>Halluzination</translation>
    </message>
    <message>
        <source>Unsafe action</source>
        <translation>Unsichere Aktion</translation>
    </message>
    <message>
        <source>Acceptable</source>
        <translation>Akzeptabel</translation>
    </message>
    <message>
        <source>Cites a key identifier</source>
        <translation>Nennt zentralen Bezeichner</translation>
    </message>
    <message>
        <source>Mean length (words)</source>
        <translation>Mittlere Länge (Wörter)</translation>
    </message>
    <message>
        <source>Repetition</source>
        <translation>Wiederholung</translation>
    </message>
    <message>
        <source>Mean reward</source>
        <translation>Mittlere Belohnung</translation>
    </message>
    <message>
        <source>Win rate of B over A</source>
        <translation>Gewinnrate von B gegenüber A</translation>
    </message>
</context>
<context>
    <name>lab::AboutDialog</name>
    <message>
        <source>About RLHF Log Lab</source>
        <translation>Über RLHF Log Lab</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>%1 (the slow reference BLAS: install libopenblas0-pthread)</source>
        <translation>%1 (die langsame Referenz-BLAS: libopenblas0-pthread installieren)</translation>
    </message>
    <message>
        <source>%1 (built with %2)</source>
        <translation>%1 (erstellt mit %2)</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Qt</source>
        <translation>Qt</translation>
    </message>
    <message>
        <source>LibTorch</source>
        <translation>LibTorch</translation>
    </message>
    <message>
        <source>BLAS</source>
        <translation>BLAS</translation>
    </message>
    <message>
        <source>LibTorch threads</source>
        <translation>LibTorch-Threads</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Geräte</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>Datenordner</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>&lt;h2&gt;RLHF Log Lab %1&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;RLHF Log Lab %1&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Teach a language model to explain failed jobs from their logs, the way an on-call engineer would: read logs, vote on explanations, train reward, DPO and PPO adapters, and measure whether alignment helped. Everything runs offline.</source>
        <translation>Einem Sprachmodell beibringen, fehlgeschlagene Jobs anhand ihrer Logs so zu erklären, wie es ein Bereitschaftsingenieur tun würde: Logs lesen, über Erklärungen abstimmen, Belohnungs-, DPO- und PPO-Adapter trainieren und messen, ob die Ausrichtung geholfen hat. Alles läuft offline.</translation>
    </message>
    <message>
        <source>&amp;Copy Details</source>
        <translation>Details &amp;kopieren</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>%1 (threads: %2)</source>
        <translation>%1 (Threads: %2)</translation>
    </message>
</context>
<context>
    <name>lab::AdapterTableModel</name>
    <message>
        <source>The run that made it is no longer in the project.</source>
        <translation>Der Lauf, der ihn erzeugt hat, ist nicht mehr im Projekt.</translation>
    </message>
    <message>
        <source>Imported from a PEFT folder.</source>
        <translation>Aus einem PEFT-Ordner importiert.</translation>
    </message>
    <message>
        <source>Run %1, %2 at %3</source>
        <translation>Lauf %1, %2 am %3</translation>
    </message>
    <message>
        <source>Run %1, %2</source>
        <translation>Lauf %1, %2</translation>
    </message>
    <message>
        <source>The lab explains with this adapter.</source>
        <translation>Erklärungen verwenden diesen Adapter.</translation>
    </message>
    <message>
        <source>Not evaluated yet: select it and press Evaluate.</source>
        <translation>Noch nicht ausgewertet: auswählen und „Auswerten“ drücken.</translation>
    </message>
    <message numerus="yes">
        <source>On %n held-out incident(s) of %1</source>
        <translation>
            <numerusform>Auf %n zurückgehaltenem Vorfall aus %1</numerusform>
            <numerusform>Auf %n zurückgehaltenen Vorfällen aus %1</numerusform>
        </translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>run #%1</source>
        <translation>Lauf #%1</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>importiert</translation>
    </message>
    <message>
        <source>%1 #%2</source>
        <translation>%1 #%2</translation>
    </message>
    <message>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>Adapter</source>
        <translation>Adapter</translation>
    </message>
    <message>
        <source>Made by</source>
        <translation>Erzeugt von</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>In Verwendung</translation>
    </message>
    <message>
        <source>Root cause</source>
        <translation>Grundursache</translation>
    </message>
    <message>
        <source>Hallucination</source>
        <translation>Halluzination</translation>
    </message>
    <message>
        <source>Mean length</source>
        <translation>Mittlere Länge</translation>
    </message>
    <message>
        <source>Mean reward</source>
        <translation>Mittlere Belohnung</translation>
    </message>
</context>
<context>
    <name>lab::AdaptersView</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Activate</source>
        <translation>Aktivieren</translation>
    </message>
    <message>
        <source>Explain with the selected adapter</source>
        <translation>Mit dem ausgewählten Adapter erklären</translation>
    </message>
    <message>
        <source>Roll back</source>
        <translation>Zurückrollen</translation>
    </message>
    <message>
        <source>Undo the last activation: back to the adapter used before it, or the base model</source>
        <translation>Letzte Aktivierung rückgängig machen: zurück zum zuvor verwendeten Adapter oder zum Basismodell</translation>
    </message>
    <message>
        <source>Use base model</source>
        <translation>Basismodell verwenden</translation>
    </message>
    <message>
        <source>Explain without an adapter</source>
        <translation>Ohne Adapter erklären</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Write the selected adapter as a PEFT folder</source>
        <translation>Ausgewählten Adapter als PEFT-Ordner schreiben</translation>
    </message>
    <message>
        <source>Evaluate</source>
        <translation>Auswerten</translation>
    </message>
    <message>
        <source>Explain the held-out incidents with the selected adapter and store its metrics</source>
        <translation>Die zurückgehaltenen Vorfälle mit dem ausgewählten Adapter erklären und seine Metriken speichern</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Read the adapters again</source>
        <translation>Adapter neu einlesen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop the evaluation (nothing is stored)</source>
        <translation>Auswertung stoppen (nichts wird gespeichert)</translation>
    </message>
    <message>
        <source>Activate adapter</source>
        <translation>Adapter aktivieren</translation>
    </message>
    <message>
        <source>No adapters yet: a DPO or PPO run that finishes adds one.</source>
        <translation>Noch keine Adapter: Jeder abgeschlossene DPO- oder PPO-Lauf fügt einen hinzu.</translation>
    </message>
    <message>
        <source>Adapter &quot;%1&quot; comes from %2 run #%3, which is %4, not finished. Use it anyway?</source>
        <translation>Adapter „%1“ stammt aus %2-Lauf #%3, der den Status %4 hat und nicht abgeschlossen ist. Trotzdem verwenden?</translation>
    </message>
    <message>
        <source>Explaining with adapter &quot;%1&quot;.</source>
        <translation>Erklärungen verwenden jetzt Adapter „%1“.</translation>
    </message>
    <message>
        <source>the base model</source>
        <translation>Basismodell</translation>
    </message>
    <message>
        <source>Rolled back from %1 to %2.</source>
        <translation>Zurückgerollt: %1 → %2.</translation>
    </message>
    <message>
        <source>&quot;%1&quot;</source>
        <translation>„%1“</translation>
    </message>
    <message>
        <source>Explaining with the base model (no adapter).</source>
        <translation>Erklärungen verwenden jetzt das Basismodell (kein Adapter).</translation>
    </message>
    <message>
        <source>Export adapter &quot;%1&quot; into an empty folder</source>
        <translation>Adapter „%1“ in einen leeren Ordner exportieren</translation>
    </message>
    <message>
        <source>Exported &quot;%1&quot; to %2 (PEFT: adapter_config.json, adapter_model.safetensors).</source>
        <translation>„%1“ nach %2 exportiert (PEFT: adapter_config.json, adapter_model.safetensors).</translation>
    </message>
    <message>
        <source>Evaluating &quot;%1&quot;: %p%</source>
        <translation>„%1“ wird ausgewertet: %p %</translation>
    </message>
    <message>
        <source>Explaining the held-out incidents with &quot;%1&quot;…</source>
        <translation>Zurückgehaltene Vorfälle werden mit „%1“ erklärt…</translation>
    </message>
    <message>
        <source>Cancelling the evaluation of &quot;%1&quot;…</source>
        <translation>Auswertung von „%1“ wird abgebrochen…</translation>
    </message>
    <message>
        <source>Evaluation of &quot;%1&quot; cancelled; nothing stored.</source>
        <translation>Auswertung von „%1“ abgebrochen; nichts gespeichert.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; on %2 held-out incidents: root cause %3%, hallucination %4%, %5 words.</source>
        <translation>„%1“ auf %2 zurückgehaltenen Vorfällen: Grundursache %3 %, Halluzination %4 %, %5 Wörter.</translation>
    </message>
</context>
<context>
    <name>lab::AgreementModel</name>
    <message>
        <source>worse than chance</source>
        <translation>schlechter als Zufall</translation>
    </message>
    <message>
        <source>slight</source>
        <translation>gering</translation>
    </message>
    <message>
        <source>fair</source>
        <translation>ausreichend</translation>
    </message>
    <message>
        <source>moderate</source>
        <translation>mittelmäßig</translation>
    </message>
    <message>
        <source>substantial</source>
        <translation>beachtlich</translation>
    </message>
    <message>
        <source>almost perfect</source>
        <translation>nahezu perfekt</translation>
    </message>
    <message>
        <source>Undefined: both gave one and the same verdict on every shared pair, so chance agreement is already 100%</source>
        <translation>Nicht definiert: Beide gaben bei jedem gemeinsamen Paar dasselbe Urteil ab, daher liegt die zufällige Übereinstimmung bereits bei 100 %</translation>
    </message>
    <message>
        <source>κ = %1 (%2 agreement) over %3 shared pairs</source>
        <translation>κ = %1 (Übereinstimmung: %2) über %3 gemeinsame Paare</translation>
    </message>
    <message>
        <source>They gave the same verdict on %1 of %2 shared pairs</source>
        <translation>Gleiches Urteil bei %1 von %2 gemeinsamen Paaren</translation>
    </message>
    <message>
        <source>Annotator</source>
        <translation>Annotator</translation>
    </message>
    <message>
        <source>Shared pairs</source>
        <translation>Gemeinsame Paare</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>Übereinstimmung</translation>
    </message>
    <message>
        <source>Cohen&apos;s κ</source>
        <translation>Cohens κ</translation>
    </message>
    <message>
        <source>Pairs both annotators gave a verdict on (skips left out)</source>
        <translation>Paare, die beide Annotatoren beurteilt haben (ohne übersprungene)</translation>
    </message>
    <message>
        <source>Share of shared pairs with the same verdict</source>
        <translation>Anteil gemeinsamer Paare mit gleichem Urteil</translation>
    </message>
    <message>
        <source>Cohen&apos;s kappa: agreement corrected for chance, (observed − expected) / (1 − expected), where expected comes from each annotator&apos;s own mix of verdicts. 1 is perfect, 0 is chance level, below 0 worse than chance. Landis &amp; Koch: 0.41–0.60 moderate, 0.61–0.80 substantial.</source>
        <translation>Cohens Kappa: um den Zufall bereinigte Übereinstimmung, (beobachtet − erwartet) / (1 − erwartet), wobei sich der Erwartungswert aus der eigenen Urteilsverteilung jedes Annotators ergibt. 1 ist perfekt, 0 entspricht dem Zufall, unter 0 ist schlechter als Zufall. Landis &amp; Koch: 0,41–0,60 mittelmäßig, 0,61–0,80 beachtlich.</translation>
    </message>
</context>
<context>
    <name>lab::AnnotatorDialog</name>
    <message>
        <source>Who is labeling?</source>
        <translation>Wer bewertet?</translation>
    </message>
    <message>
        <source>Every vote is signed with a profile. Pick yours, or type a new name.</source>
        <translation>Jede Stimme wird mit einem Profil gekennzeichnet. Eigenes Profil auswählen oder einen neuen Namen eingeben.</translation>
    </message>
    <message>
        <source>Type to filter, or a new name</source>
        <translation>Zum Filtern tippen oder neuen Namen eingeben</translation>
    </message>
    <message>
        <source>Create Profile</source>
        <translation>Profil erstellen</translation>
    </message>
    <message>
        <source>Create a new profile with the typed name, even when it matches others in part</source>
        <translation>Neues Profil mit dem eingegebenen Namen erstellen, auch wenn er teilweise mit anderen übereinstimmt</translation>
    </message>
    <message>
        <source>No project is open.</source>
        <translation>Kein Projekt geöffnet.</translation>
    </message>
    <message>
        <source>Profile created %1</source>
        <translation>Profil erstellt am %1</translation>
    </message>
    <message>
        <source>Simulated annotators (not offered for voting): %1</source>
        <translation>Simulierte Annotatoren (nicht zur Bewertung angeboten): %1</translation>
    </message>
    <message>
        <source>Type a name for the new profile.</source>
        <translation>Namen für das neue Profil eingeben.</translation>
    </message>
    <message numerus="yes">
        <source>A name has at most %n characters.</source>
        <translation>
            <numerusform>Ein Name darf höchstens %n Zeichen haben.</numerusform>
            <numerusform>Ein Name darf höchstens %n Zeichen haben.</numerusform>
        </translation>
    </message>
    <message>
        <source>A name cannot contain control characters or line breaks.</source>
        <translation>Ein Name darf keine Steuerzeichen oder Zeilenumbrüche enthalten.</translation>
    </message>
    <message>
        <source>“%1” is a simulated annotator; people vote under their own name.</source>
        <translation>„%1“ ist ein simulierter Annotator; Menschen bewerten unter ihrem eigenen Namen.</translation>
    </message>
    <message>
        <source>“%1” already exists; pick it from the list.</source>
        <translation>„%1“ existiert bereits; bitte aus der Liste auswählen.</translation>
    </message>
    <message>
        <source>Create “%1”</source>
        <translation>„%1“ erstellen</translation>
    </message>
    <message>
        <source>Label as %1</source>
        <translation>Als %1 bewerten</translation>
    </message>
    <message>
        <source>Enter: label as %1.</source>
        <translation>Enter: als %1 bewerten.</translation>
    </message>
    <message>
        <source>Create and Label</source>
        <translation>Erstellen und bewerten</translation>
    </message>
    <message>
        <source>Enter: create the profile “%1”.</source>
        <translation>Enter: Profil „%1“ erstellen.</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Bewerten</translation>
    </message>
    <message>
        <source>No profiles yet: type your name.</source>
        <translation>Noch keine Profile: eigenen Namen eingeben.</translation>
    </message>
</context>
<context>
    <name>lab::AnnotatorProgressModel</name>
    <message>
        <source>%1 has voted on or skipped %2 pairs; %3 are still waiting for them.</source>
        <translation>%1 hat %2 Paare bewertet oder übersprungen; %3 stehen noch aus.</translation>
    </message>
    <message>
        <source>Annotator</source>
        <translation>Annotator</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>Remaining</source>
        <translation>Verbleibend</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Pairs this annotator has voted on or skipped</source>
        <translation>Paare, die dieser Annotator bewertet oder übersprungen hat</translation>
    </message>
    <message>
        <source>Pairs this annotator has not seen yet</source>
        <translation>Paare, die dieser Annotator noch nicht gesehen hat</translation>
    </message>
    <message>
        <source>Done as a share of all pairs</source>
        <translation>Erledigt als Anteil aller Paare</translation>
    </message>
</context>
<context>
    <name>lab::AnnotatorQualityModel</name>
    <message>
        <source>%1 (%2/%3)</source>
        <translation>%1 (%2/%3)</translation>
    </message>
    <message>
        <source>%1 verdicts (skips left out)</source>
        <translation>%1 Urteile (ohne übersprungene)</translation>
    </message>
    <message>
        <source>No verdicts on gold pairs yet, so no accuracy</source>
        <translation>Noch keine Urteile zu Goldpaaren, daher keine Genauigkeit</translation>
    </message>
    <message>
        <source>%1 of %2 verdicts on gold pairs match the known answer</source>
        <translation>%1 von %2 Urteilen zu Goldpaaren stimmen mit der bekannten Antwort überein</translation>
    </message>
    <message>
        <source>No A-better or B-better verdicts yet</source>
        <translation>Noch keine Urteile „A besser“ oder „B besser“</translation>
    </message>
    <message>
        <source>The left pane won %1 of %2 sided verdicts (%3): too far from 50% to be chance. This annotator may favour the %4 side.</source>
        <translation>Der linke Bereich gewann %1 von %2 Urteilen für eine Seite (%3): zu weit von 50 % entfernt, um Zufall zu sein. Dieser Annotator bevorzugt möglicherweise die %4 Seite.</translation>
    </message>
    <message>
        <source>left</source>
        <translation>linke</translation>
    </message>
    <message>
        <source>right</source>
        <translation>rechte</translation>
    </message>
    <message>
        <source>The left pane won %1 of %2 sided verdicts; too few to judge a bias (%3 needed)</source>
        <translation>Der linke Bereich gewann %1 von %2 Urteilen für eine Seite; zu wenige, um eine Verzerrung zu beurteilen (%3 nötig)</translation>
    </message>
    <message>
        <source>The left pane won %1 of %2 sided verdicts: no sign of a position bias</source>
        <translation>Der linke Bereich gewann %1 von %2 Urteilen für eine Seite: kein Hinweis auf eine Positionsverzerrung</translation>
    </message>
    <message>
        <source>Mean words of the chosen minus the rejected explanation: %1; chose the longer one in %2 of the sided verdicts where the lengths differ</source>
        <translation>Mittlere Wortzahl der gewählten minus der abgelehnten Erklärung: %1; die längere gewählt in %2 der Urteile für eine Seite mit unterschiedlicher Länge</translation>
    </message>
    <message>
        <source>Annotator</source>
        <translation>Annotator</translation>
    </message>
    <message>
        <source>Votes</source>
        <translation>Stimmen</translation>
    </message>
    <message>
        <source>Gold accuracy</source>
        <translation>Gold-Genauigkeit</translation>
    </message>
    <message>
        <source>Left wins</source>
        <translation>Siege links</translation>
    </message>
    <message>
        <source>Δ words</source>
        <translation>Δ Wörter</translation>
    </message>
    <message>
        <source>Chose longer</source>
        <translation>Länger gewählt</translation>
    </message>
    <message>
        <source>Verdicts given: A better, B better, tie, both bad. Skips are not counted.</source>
        <translation>Abgegebene Urteile: A besser, B besser, Unentschieden, beide schlecht. Übersprungene werden nicht gezählt.</translation>
    </message>
    <message>
        <source>Accuracy on gold pairs: pairs whose right answer is known, mixed into the queue to check annotators. Shown with correct/total; a dash until the annotator has voted on one.</source>
        <translation>Genauigkeit bei Goldpaaren: Paare mit bekannter richtiger Antwort, die zur Kontrolle der Annotatoren in die Warteschlange gemischt werden. Angezeigt als richtig/gesamt; ein Strich, bis der Annotator eines davon bewertet hat.</translation>
    </message>
    <message>
        <source>Left-side win rate (position bias): the share of A-better/B-better verdicts that chose the explanation shown on the left. Sides are random, so an unbiased annotator is near 50%. Highlighted when it is too far from 50% to be chance (at least %1 verdicts).</source>
        <translation>Gewinnrate der linken Seite (Positionsverzerrung): der Anteil der Urteile „A besser“/„B besser“, die die links angezeigte Erklärung gewählt haben. Die Seiten sind zufällig verteilt, daher liegt ein unvoreingenommener Annotator nahe 50 %. Hervorgehoben, wenn der Wert zu weit von 50 % entfernt ist, um Zufall zu sein (mindestens %1 Urteile).</translation>
    </message>
    <message>
        <source>Verbosity bias: mean number of words of the chosen explanation minus the rejected one, over A-better/B-better verdicts. Large positive values mean longer answers win.</source>
        <translation>Ausführlichkeitsverzerrung: mittlere Wortzahl der gewählten minus der abgelehnten Erklärung über alle Urteile „A besser“/„B besser“. Große positive Werte bedeuten, dass längere Antworten gewinnen.</translation>
    </message>
    <message>
        <source>Verbosity bias: share of A-better/B-better verdicts that chose the longer explanation (pairs of equal length left out). Good explanations are usually concise, so a high share suggests length is being rewarded.</source>
        <translation>Ausführlichkeitsverzerrung: Anteil der Urteile „A besser“/„B besser“, die die längere Erklärung gewählt haben (Paare gleicher Länge ausgenommen). Gute Erklärungen sind meist knapp, ein hoher Anteil deutet also darauf hin, dass Länge belohnt wird.</translation>
    </message>
</context>
<context>
    <name>lab::BlindReviewPanel</name>
    <message>
        <source>Show log</source>
        <translation>Log anzeigen</translation>
    </message>
    <message>
        <source>Open this incident&apos;s log in the log view</source>
        <translation>Log dieses Vorfalls in der Log-Ansicht öffnen</translation>
    </message>
    <message>
        <source>Left better</source>
        <translation>Links besser</translation>
    </message>
    <message>
        <source>Right better</source>
        <translation>Rechts besser</translation>
    </message>
    <message>
        <source>Tie</source>
        <translation>Unentschieden</translation>
    </message>
    <message>
        <source>Both bad</source>
        <translation>Beide schlecht</translation>
    </message>
    <message>
        <source>%1  (%2)</source>
        <translation>%1  (%2)</translation>
    </message>
    <message>
        <source>Next  (Space)</source>
        <translation>Weiter  (Space)</translation>
    </message>
    <message>
        <source>Run an evaluation of two models first: blind review compares their explanations.</source>
        <translation>Zuerst eine Auswertung zweier Modelle ausführen: Der Blindvergleich vergleicht ihre Erklärungen.</translation>
    </message>
    <message>
        <source>&lt;i&gt;Which explanation would you act on? The models stay hidden until you vote.&lt;/i&gt;</source>
        <translation>&lt;i&gt;Nach welcher Erklärung würden Sie handeln? Die Modelle bleiben verborgen, bis Sie abstimmen.&lt;/i&gt;</translation>
    </message>
    <message>
        <source>Nothing to review.</source>
        <translation>Nichts zu überprüfen.</translation>
    </message>
    <message>
        <source>All %1 incidents reviewed. Run another evaluation for more.</source>
        <translation>Alle %1 Vorfälle überprüft. Für weitere eine neue Auswertung ausführen.</translation>
    </message>
    <message>
        <source>Incident %1 (%2) · %3 of %4</source>
        <translation>Vorfall %1 (%2) · %3 von %4</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Links</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Rechts</translation>
    </message>
    <message>
        <source>Skip  (Space)</source>
        <translation>Überspringen  (Space)</translation>
    </message>
    <message>
        <source>Left: %1</source>
        <translation>Links: %1</translation>
    </message>
    <message>
        <source>Right: %1</source>
        <translation>Rechts: %1</translation>
    </message>
    <message>
        <source>you preferred &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>Sie bevorzugten &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>both bad</source>
        <translation>beide schlecht</translation>
    </message>
    <message>
        <source>a tie</source>
        <translation>Unentschieden</translation>
    </message>
    <message>
        <source>the simulated engineer prefers &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>der simulierte Ingenieur bevorzugt &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>the simulated engineer calls it a tie</source>
        <translation>der simulierte Ingenieur wertet es als Unentschieden</translation>
    </message>
    <message>
        <source>Left was &lt;b&gt;%1&lt;/b&gt;, right was &lt;b&gt;%2&lt;/b&gt;: %3; %4.</source>
        <translation>Links war &lt;b&gt;%1&lt;/b&gt;, rechts war &lt;b&gt;%2&lt;/b&gt;: %3; %4.</translation>
    </message>
    <message>
        <source>No blind votes yet between %1 and %2.</source>
        <translation>Noch keine Blindstimmen zwischen %1 und %2.</translation>
    </message>
    <message>
        <source>Blind win rate of %1 over %2: %3% (95% interval %4% – %5%) from %6 votes on %7 incidents.</source>
        <translation>Blinde Gewinnrate von %1 gegenüber %2: %3 % (95-%-Intervall %4 % – %5 %) aus %6 Stimmen zu %7 Vorfällen.</translation>
    </message>
</context>
<context>
    <name>lab::DemoProjectWorker</name>
    <message>
        <source>Cannot create the folder %1</source>
        <translation>Ordner %1 kann nicht erstellt werden</translation>
    </message>
    <message>
        <source>Cannot move the demo project to %1</source>
        <translation>Demoprojekt kann nicht nach %1 verschoben werden</translation>
    </message>
</context>
<context>
    <name>lab::DemoRunDialog</name>
    <message>
        <source>Synthetic incidents</source>
        <translation>Synthetische Vorfälle</translation>
    </message>
    <message>
        <source>lab-tiny candidate pairs</source>
        <translation>lab-tiny-Kandidatenpaare</translation>
    </message>
    <message>
        <source>Simulated votes</source>
        <translation>Simulierte Stimmen</translation>
    </message>
    <message>
        <source>Reward model</source>
        <translation>Belohnungsmodell</translation>
    </message>
    <message>
        <source>DPO adapter</source>
        <translation>DPO-Adapter</translation>
    </message>
    <message>
        <source>PPO adapter</source>
        <translation>PPO-Adapter</translation>
    </message>
    <message>
        <source>Evaluation: base, DPO, PPO</source>
        <translation>Auswertung: Basis, DPO, PPO</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Bericht</translation>
    </message>
    <message>
        <source>Full Demo</source>
        <translation>Vollständige Demo</translation>
    </message>
    <message>
        <source>The whole loop on the bundled lab-tiny: synthetic incidents, candidate pairs, simulated votes, a reward model, DPO and PPO adapters, and their evaluation against the base model on held-out incidents. The project opens when it is done.</source>
        <translation>Der gesamte Kreislauf mit dem mitgelieferten lab-tiny: synthetische Vorfälle, Kandidatenpaare, simulierte Stimmen, ein Belohnungsmodell, DPO- und PPO-Adapter sowie deren Auswertung gegenüber dem Basismodell auf zurückgehaltenen Vorfällen. Das Projekt wird geöffnet, sobald alles fertig ist.</translation>
    </message>
    <message>
        <source>Project: %1</source>
        <translation>Projekt: %1</translation>
    </message>
    <message>
        <source>The before/after table appears here when the demo is done.</source>
        <translation>Die Vorher/Nachher-Tabelle erscheint hier, sobald die Demo fertig ist.</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <source>Cannot create the folder %1</source>
        <translation>Ordner %1 kann nicht erstellt werden</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stopping after the current step…</source>
        <translation>Wird nach dem aktuellen Schritt gestoppt…</translation>
    </message>
    <message>
        <source>Done in %1. Reward model accuracy on held-out votes: %2%.</source>
        <translation>Fertig in %1. Genauigkeit des Belohnungsmodells auf zurückgehaltenen Stimmen: %2 %.</translation>
    </message>
    <message>
        <source>Before/after on the held-out incidents:
</source>
        <translation>Vorher/Nachher auf den zurückgehaltenen Vorfällen:
</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>The demo failed.</source>
        <translation>Die Demo ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>The demo was stopped.</source>
        <translation>Die Demo wurde gestoppt.</translation>
    </message>
</context>
<context>
    <name>lab::DemoRunWorker</name>
    <message>
        <source>The demo stopped on an error: %1</source>
        <translation>Die Demo wurde wegen eines Fehlers gestoppt: %1</translation>
    </message>
</context>
<context>
    <name>lab::ExplainPanel</name>
    <message>
        <source>Stop waiting for this explanation</source>
        <translation>Nicht mehr auf diese Erklärung warten</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>Neu generieren</translation>
    </message>
    <message>
        <source>Sample another explanation (new seed)</source>
        <translation>Eine andere Erklärung erzeugen (neuer Seed)</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy the explanation to the clipboard</source>
        <translation>Erklärung in die Zwischenablage kopieren</translation>
    </message>
    <message>
        <source>Digest</source>
        <translation>Auszug</translation>
    </message>
    <message>
        <source>Show the log lines the model read (click one to go to it)</source>
        <translation>Die vom Modell gelesenen Logzeilen anzeigen (zum Springen eine anklicken)</translation>
    </message>
    <message>
        <source>Explain the open log with the model: Ctrl+E, or Model ▸ Explain.</source>
        <translation>Das geöffnete Log mit dem Modell erklären: Ctrl+E oder Modell ▸ Erklären.</translation>
    </message>
    <message>
        <source>The model wrote nothing.</source>
        <translation>Das Modell hat nichts geschrieben.</translation>
    </message>
    <message>
        <source>No explanation yet</source>
        <translation>Noch keine Erklärung</translation>
    </message>
    <message>
        <source>Explaining…</source>
        <translation>Wird erklärt…</translation>
    </message>
    <message>
        <source>Explaining with %1…</source>
        <translation>Wird mit %1 erklärt…</translation>
    </message>
    <message>
        <source>%1 + %2</source>
        <translation>%1 + %2</translation>
    </message>
    <message>
        <source>%1 s · %2 new tokens · read %3 of %4 lines (%5 tokens) · %6</source>
        <translation>%1 s · %2 neue Tokens · %3 von %4 Zeilen gelesen (%5 Tokens) · %6</translation>
    </message>
    <message>
        <source> · cut at the token limit</source>
        <translation> · am Token-Limit abgeschnitten</translation>
    </message>
    <message>
        <source>Seed %1</source>
        <translation>Seed %1</translation>
    </message>
    <message>
        <source>Line %1, cited by the explanation (click to go to it in the log)</source>
        <translation>Zeile %1, von der Erklärung zitiert (anklicken, um im Log dorthin zu springen)</translation>
    </message>
    <message>
        <source>Line %1 (click to go to it in the log)</source>
        <translation>Zeile %1 (anklicken, um im Log dorthin zu springen)</translation>
    </message>
    <message>
        <source>Digest (%1 lines)</source>
        <translation>Auszug (%1 Zeilen)</translation>
    </message>
    <message>
        <source>No explanation</source>
        <translation>Keine Erklärung</translation>
    </message>
</context>
<context>
    <name>lab::ExplainWorker</name>
    <message>
        <source>No model found at %1.

Build the project so that the bundled lab-tiny model is copied next to the program, train one with “rlhf-lab-cli train sft”, or set LAB_MODEL_DIR to a model folder (config.json, model.safetensors, tokenizer.model).</source>
        <translation>Kein Modell unter %1 gefunden.

Das Projekt bauen, damit das mitgelieferte Modell lab-tiny neben das Programm kopiert wird, eines mit „rlhf-lab-cli train sft“ trainieren oder LAB_MODEL_DIR auf einen Modellordner setzen (config.json, model.safetensors, tokenizer.model).</translation>
    </message>
    <message>
        <source>Explaining failed: %1</source>
        <translation>Erklären fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>lab::ExplanationView</name>
    <message>
        <source>In the log at line %1 (and %2 more); click to go there</source>
        <translation>Im Log in Zeile %1 (und %2 weiteren); zum Hinspringen anklicken</translation>
    </message>
    <message>
        <source>In the log at line %1; click to go there</source>
        <translation>Im Log in Zeile %1; zum Hinspringen anklicken</translation>
    </message>
    <message>
        <source>not in the log</source>
        <translation>nicht im Log</translation>
    </message>
    <message>
        <source>No identifiers to check against the log</source>
        <translation>Keine Bezeichner zum Abgleich mit dem Log</translation>
    </message>
    <message>
        <source>1 identifier found in the log</source>
        <translation>1 Bezeichner im Log gefunden</translation>
    </message>
    <message>
        <source>%1 identifiers found in the log</source>
        <translation>%1 Bezeichner im Log gefunden</translation>
    </message>
    <message>
        <source>%1 not found: %2</source>
        <translation>%1 nicht gefunden: %2</translation>
    </message>
</context>
<context>
    <name>lab::GuidelinesPanel</name>
    <message>
        <source>Read an earlier version (read-only). Each vote records the version it was made under.</source>
        <translation>Eine frühere Version lesen (schreibgeschützt). Jede Stimme speichert die Version, unter der sie abgegeben wurde.</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <source>Edit the current guidelines; saving makes a new version</source>
        <translation>Aktuelle Richtlinien bearbeiten; Speichern erzeugt eine neue Version</translation>
    </message>
    <message>
        <source>The guidelines, in Markdown</source>
        <translation>Die Richtlinien, in Markdown</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Save as a new version (Ctrl+S)</source>
        <translation>Als neue Version speichern (Ctrl+S)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Discard the changes (Esc)</source>
        <translation>Änderungen verwerfen (Esc)</translation>
    </message>
    <message>
        <source>Shipped guidelines · no project open</source>
        <translation>Mitgelieferte Richtlinien · kein Projekt geöffnet</translation>
    </message>
    <message>
        <source>the shipped labeling guidelines are missing from this build</source>
        <translation>die mitgelieferten Bewertungsrichtlinien fehlen in diesem Build</translation>
    </message>
    <message>
        <source>Could not seed the guidelines: %1</source>
        <translation>Richtlinien konnten nicht angelegt werden: %1</translation>
    </message>
    <message>
        <source>Version %1 (current)</source>
        <translation>Version %1 (aktuell)</translation>
    </message>
    <message>
        <source>Version %1 · %2</source>
        <translation>Version %1 · %2</translation>
    </message>
    <message>
        <source>Version %1 · %2 · %3</source>
        <translation>Version %1 · %2 · %3</translation>
    </message>
    <message>
        <source>No guidelines</source>
        <translation>Keine Richtlinien</translation>
    </message>
    <message>
        <source>%1 — older version, read-only; votes now use version %2</source>
        <translation>%1 — ältere Version, schreibgeschützt; Stimmen verwenden jetzt Version %2</translation>
    </message>
    <message>
        <source>Editing version %1. Save makes version %2.</source>
        <translation>Version %1 wird bearbeitet. Speichern erzeugt Version %2.</translation>
    </message>
    <message>
        <source>Guidelines cannot be empty; nothing was saved.</source>
        <translation>Richtlinien dürfen nicht leer sein; nichts wurde gespeichert.</translation>
    </message>
    <message>
        <source>Nothing changed; the guidelines stay at version %1.</source>
        <translation>Nichts geändert; die Richtlinien bleiben bei Version %1.</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Could not save the guidelines: %1</source>
        <translation>Richtlinien konnten nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Saved as version %1.</source>
        <translation>Als Version %1 gespeichert.</translation>
    </message>
</context>
<context>
    <name>lab::IncidentListView</name>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Filter by title or kind…</source>
        <translation>Nach Titel oder Art filtern…</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Art:</translation>
    </message>
    <message>
        <source>&amp;Source:</source>
        <translation>&amp;Quelle:</translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation>&amp;Status:</translation>
    </message>
    <message>
        <source>&amp;Text:</source>
        <translation>&amp;Text:</translation>
    </message>
    <message>
        <source>No project open</source>
        <translation>Kein Projekt geöffnet</translation>
    </message>
    <message>
        <source>1 incident</source>
        <translation>1 Vorfall</translation>
    </message>
    <message numerus="yes">
        <source>%Ln incidents</source>
        <translation>
            <numerusform>%Ln Vorfall</numerusform>
            <numerusform>%Ln Vorfälle</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln incidents</source>
        <translation>
            <numerusform>%1 von %Ln Vorfall</numerusform>
            <numerusform>%1 von %Ln Vorfällen</numerusform>
        </translation>
    </message>
    <message>
        <source>(loading…)</source>
        <translation>(wird geladen…)</translation>
    </message>
</context>
<context>
    <name>lab::IncidentTableModel</name>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>Herkunft</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
</context>
<context>
    <name>lab::KindProgressModel</name>
    <message>
        <source>(no kind)</source>
        <translation>(kein Typ)</translation>
    </message>
    <message>
        <source>Incidents without a known kind (imported logs)</source>
        <translation>Vorfälle ohne bekannten Typ (importierte Logs)</translation>
    </message>
    <message>
        <source>%1 of %2 pairs have at least one vote; %3 votes in all (skips not counted).</source>
        <translation>%1 von %2 Paaren haben mindestens eine Stimme; insgesamt %3 Stimmen (Übersprungene nicht mitgezählt).</translation>
    </message>
    <message>
        <source>Incident kind</source>
        <translation>Vorfalltyp</translation>
    </message>
    <message>
        <source>Pairs</source>
        <translation>Paare</translation>
    </message>
    <message>
        <source>Voted</source>
        <translation>Bewertet</translation>
    </message>
    <message>
        <source>Remaining</source>
        <translation>Verbleibend</translation>
    </message>
    <message>
        <source>Votes</source>
        <translation>Stimmen</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Candidate pairs of incidents of this kind</source>
        <translation>Kandidatenpaare aus Vorfällen dieses Typs</translation>
    </message>
    <message>
        <source>Pairs with at least one vote (skips not counted)</source>
        <translation>Paare mit mindestens einer Stimme (Übersprungene nicht mitgezählt)</translation>
    </message>
    <message>
        <source>Pairs nobody has voted on yet</source>
        <translation>Paare, für die noch niemand abgestimmt hat</translation>
    </message>
    <message>
        <source>Votes on these pairs by all annotators (skips not counted)</source>
        <translation>Stimmen aller Annotatoren zu diesen Paaren (Übersprungene nicht mitgezählt)</translation>
    </message>
    <message>
        <source>Pairs with a vote as a share of the kind&apos;s pairs</source>
        <translation>Anteil der Paare mit Stimme an allen Paaren dieses Typs</translation>
    </message>
</context>
<context>
    <name>lab::LabelProgressPanel</name>
    <message>
        <source>Pairs with at least one vote, of all candidate pairs</source>
        <translation>Paare mit mindestens einer Stimme, von allen Kandidatenpaaren</translation>
    </message>
    <message>
        <source>Count again</source>
        <translation>Neu zählen</translation>
    </message>
    <message>
        <source>Per annotator</source>
        <translation>Pro Annotator</translation>
    </message>
    <message>
        <source>Per incident kind</source>
        <translation>Pro Vorfalltyp</translation>
    </message>
    <message>
        <source>No project is open.</source>
        <translation>Kein Projekt geöffnet.</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Wird gezählt…</translation>
    </message>
    <message>
        <source>%1 of %2 pairs voted (%p%)</source>
        <translation>%1 von %2 Paaren bewertet (%p%)</translation>
    </message>
    <message>
        <source>No candidate pairs yet: generate incidents or candidates first.</source>
        <translation>Noch keine Kandidatenpaare: zuerst Vorfälle oder Kandidaten erzeugen.</translation>
    </message>
    <message>
        <source>Votes: %1 · annotators: %2 · pairs without a vote: %3</source>
        <translation>Stimmen: %1 · Annotatoren: %2 · Paare ohne Stimme: %3</translation>
    </message>
    <message>
        <source>Updated %1 (%2 ms)</source>
        <translation>Aktualisiert um %1 (%2 ms)</translation>
    </message>
</context>
<context>
    <name>lab::LabelProgressWorker</name>
    <message>
        <source>Counting labeling progress failed: %1</source>
        <translation>Zählen des Bewertungsfortschritts fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>lab::LabelQualityPanel</name>
    <message>
        <source>Krippendorff&apos;s alpha (nominal) over every pair that two or more annotators gave a verdict on: 1 − observed disagreement / disagreement expected by chance. 1 is perfect agreement, 0 is chance level. Labels are commonly trusted from 0.8 and used with care from 0.667. Skips are left out.</source>
        <translation>Krippendorffs Alpha (nominal) über alle Paare, zu denen zwei oder mehr Annotatoren ein Urteil abgegeben haben: 1 − beobachtete Uneinigkeit / zufällig erwartete Uneinigkeit. 1 bedeutet perfekte Übereinstimmung, 0 Zufallsniveau. Bewertungen gelten üblicherweise ab 0,8 als verlässlich und werden ab 0,667 mit Vorsicht verwendet. Übersprungene Paare bleiben unberücksichtigt.</translation>
    </message>
    <message>
        <source>Compute again from all votes</source>
        <translation>Aus allen Stimmen neu berechnen</translation>
    </message>
    <message>
        <source>Per annotator</source>
        <translation>Pro Annotator</translation>
    </message>
    <message>
        <source>Gold accuracy, position bias and verbosity bias of each annotator</source>
        <translation>Genauigkeit bei Goldpaaren, Positionsverzerrung und Ausführlichkeitsverzerrung jedes Annotators</translation>
    </message>
    <message>
        <source>Agreement between annotators</source>
        <translation>Übereinstimmung zwischen Annotatoren</translation>
    </message>
    <message>
        <source>Cohen&apos;s kappa for every two annotators who voted on the same pairs</source>
        <translation>Cohens Kappa für je zwei Annotatoren, die über dieselben Paare abgestimmt haben</translation>
    </message>
    <message>
        <source>Krippendorff&apos;s α: %1</source>
        <translation>Krippendorffs α: %1</translation>
    </message>
    <message>
        <source>No project is open.</source>
        <translation>Kein Projekt geöffnet.</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>Wird berechnet…</translation>
    </message>
    <message>
        <source>Reading votes…</source>
        <translation>Stimmen werden gelesen…</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Verdicts: %1 · skips: %2 · annotators: %3 · pairs with two or more verdicts: %4.</source>
        <translation>Urteile: %1 · Übersprungen: %2 · Annotatoren: %3 · Paare mit zwei oder mehr Urteilen: %4.</translation>
    </message>
    <message>
        <source>Agreement needs pairs voted by two annotators.</source>
        <translation>Für die Übereinstimmung werden Paare benötigt, die von zwei Annotatoren bewertet wurden.</translation>
    </message>
    <message>
        <source>Alpha is undefined: every verdict on those pairs is the same.</source>
        <translation>Alpha ist nicht definiert: Alle Urteile zu diesen Paaren sind gleich.</translation>
    </message>
    <message>
        <source>Position bias (see Left wins): %1</source>
        <translation>Positionsverzerrung (siehe „Links gewinnt“): %1</translation>
    </message>
    <message>
        <source>Updated %1</source>
        <translation>Aktualisiert um %1</translation>
    </message>
</context>
<context>
    <name>lab::LabelQualityWorker</name>
    <message>
        <source>Computing label quality failed: %1</source>
        <translation>Berechnung der Bewertungsqualität fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>lab::LabelSession</name>
    <message>
        <source>The vote on pair %1 was not saved: %2</source>
        <translation>Die Stimme zu Paar %1 wurde nicht gespeichert: %2</translation>
    </message>
    <message>
        <source>Cannot undo the vote on pair %1: %2</source>
        <translation>Die Stimme zu Paar %1 kann nicht rückgängig gemacht werden: %2</translation>
    </message>
</context>
<context>
    <name>lab::LabelView</name>
    <message>
        <source>Your votes, newest first. Double-click or press Enter on one to see the pair again and change it.</source>
        <translation>Ihre Stimmen, neueste zuerst. Doppelklicken oder Enter drücken, um das Paar erneut anzuzeigen und die Stimme zu ändern.</translation>
    </message>
    <message>
        <source>Labeling has not started</source>
        <translation>Die Bewertung wurde noch nicht gestartet</translation>
    </message>
    <message>
        <source>Open a project and choose Label ▸ Start Labeling (Ctrl+L).</source>
        <translation>Öffnen Sie ein Projekt und wählen Sie Bewertung ▸ Bewerten (Ctrl+L).</translation>
    </message>
    <message>
        <source>Back to the queue (Esc)</source>
        <translation>Zurück zur Warteschlange (Esc)</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Log</translation>
    </message>
    <message>
        <source>Only cited lines</source>
        <translation>Nur zitierte Zeilen</translation>
    </message>
    <message>
        <source>Show only the log lines the two explanations rely on (marked in the margin)</source>
        <translation>Nur die Logzeilen anzeigen, auf die sich die beiden Erklärungen stützen (am Rand markiert)</translation>
    </message>
    <message>
        <source>Cited by the explanations</source>
        <translation>Von den Erklärungen zitiert</translation>
    </message>
    <message>
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <source>B</source>
        <translation>B</translation>
    </message>
    <message>
        <source>Tags:</source>
        <translation>Merkmale:</translation>
    </message>
    <message>
        <source>&amp;Root cause right</source>
        <translation>&amp;Grundursache richtig</translation>
    </message>
    <message>
        <source>Blames a s&amp;ymptom</source>
        <translation>S&amp;ymptom als Ursache</translation>
    </message>
    <message>
        <source>Blames &amp;noise</source>
        <translation>&amp;Rauschen als Ursache</translation>
    </message>
    <message>
        <source>&amp;Hallucination</source>
        <translation>&amp;Halluzination</translation>
    </message>
    <message>
        <source>Unsafe &amp;action</source>
        <translation>Unsichere &amp;Aktion</translation>
    </message>
    <message>
        <source>Too &amp;verbose</source>
        <translation>&amp;Zu ausführlich</translation>
    </message>
    <message>
        <source>&amp;Generic</source>
        <translation>Ge&amp;nerisch</translation>
    </message>
    <message>
        <source>Why? (optional: saved with the vote. Enter or Esc returns to the vote keys)</source>
        <translation>Warum? (optional: wird mit der Stimme gespeichert. Enter oder Esc kehrt zu den Abstimmungstasten zurück)</translation>
    </message>
    <message>
        <source>A better  (1)</source>
        <translation>A besser  (1)</translation>
    </message>
    <message>
        <source>B better  (2)</source>
        <translation>B besser  (2)</translation>
    </message>
    <message>
        <source>Tie  (3)</source>
        <translation>Unentschieden  (3)</translation>
    </message>
    <message>
        <source>Both bad  (4)</source>
        <translation>Beide schlecht  (4)</translation>
    </message>
    <message>
        <source>Skip  (Space)</source>
        <translation>Überspringen  (Space)</translation>
    </message>
    <message>
        <source>Undo  (Ctrl+Z)</source>
        <translation>Rückgängig  (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>Erneut prüfen</translation>
    </message>
    <message>
        <source>Undo the last vote  (Ctrl+Z)</source>
        <translation>Letzte Stimme rückgängig machen  (Ctrl+Z)</translation>
    </message>
    <message>
        <source>A Better</source>
        <translation>A besser</translation>
    </message>
    <message>
        <source>B Better</source>
        <translation>B besser</translation>
    </message>
    <message>
        <source>Tie</source>
        <translation>Unentschieden</translation>
    </message>
    <message>
        <source>Both Bad</source>
        <translation>Beide schlecht</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Überspringen</translation>
    </message>
    <message>
        <source>%1 — key %2</source>
        <translation>%1 — Taste %2</translation>
    </message>
    <message>
        <source>Undo Vote</source>
        <translation>Stimme rückgängig machen</translation>
    </message>
    <message>
        <source>Take the last vote back and see its pair again — Ctrl+Z</source>
        <translation>Letzte Stimme zurücknehmen und ihr Paar erneut anzeigen — Ctrl+Z</translation>
    </message>
    <message>
        <source>Cannot load the next pair</source>
        <translation>Das nächste Paar kann nicht geladen werden</translation>
    </message>
    <message>
        <source>unknown kind</source>
        <translation>unbekannter Typ</translation>
    </message>
    <message>
        <source>Pair %1 · incident %2 · %3%4</source>
        <translation>Paar %1 · Vorfall %2 · %3%4</translation>
    </message>
    <message>
        <source>You voted &lt;b&gt;%1&lt;/b&gt; on this pair (%2). A new vote replaces it.</source>
        <translation>Sie haben für dieses Paar &lt;b&gt;%1&lt;/b&gt; gestimmt (%2). Eine neue Stimme ersetzt diese.</translation>
    </message>
    <message>
        <source>Incident %1</source>
        <translation>Vorfall %1</translation>
    </message>
    <message>
        <source>Loading the next pair…</source>
        <translation>Nächstes Paar wird geladen…</translation>
    </message>
    <message>
        <source>Nothing left to label</source>
        <translation>Nichts mehr zu bewerten</translation>
    </message>
    <message>
        <source>You have judged every pair of this project (%1 done). New pairs come when incidents are added or the model writes new candidates; “Check again” looks for them.</source>
        <translation>Sie haben alle Paare dieses Projekts bewertet (%1 erledigt). Neue Paare kommen hinzu, wenn Vorfälle ergänzt werden oder das Modell neue Kandidaten schreibt; „Erneut prüfen“ sucht danach.</translation>
    </message>
    <message>
        <source>%1 done · %2 left</source>
        <translation>%1 erledigt · %2 übrig</translation>
    </message>
</context>
<context>
    <name>lab::LogTextView</name>
    <message>
        <source>Log lines</source>
        <translation>Logzeilen</translation>
    </message>
    <message>
        <source>&amp;Copy Line</source>
        <translation>Zeile &amp;kopieren</translation>
    </message>
    <message>
        <source>Copy Line &amp;Number</source>
        <translation>Zeilen&amp;nummer kopieren</translation>
    </message>
</context>
<context>
    <name>lab::LogView</name>
    <message>
        <source>All levels</source>
        <translation>Alle Stufen</translation>
    </message>
    <message>
        <source>Debug and above</source>
        <translation>Debug und höher</translation>
    </message>
    <message>
        <source>Info and above</source>
        <translation>Info und höher</translation>
    </message>
    <message>
        <source>Warnings and above</source>
        <translation>Warnungen und höher</translation>
    </message>
    <message>
        <source>Errors and above</source>
        <translation>Fehler und höher</translation>
    </message>
    <message>
        <source>Search (regular expression)…</source>
        <translation>Suchen (regulärer Ausdruck)…</translation>
    </message>
    <message>
        <source>Search the visible lines. Enter: next hit, Shift+Enter: previous hit.</source>
        <translation>Die sichtbaren Zeilen durchsuchen. Enter: nächster Treffer, Shift+Enter: vorheriger Treffer.</translation>
    </message>
    <message>
        <source>Regular expression (Alt+R)</source>
        <translation>Regulärer Ausdruck (Alt+R)</translation>
    </message>
    <message>
        <source>Match case (Alt+C)</source>
        <translation>Groß-/Kleinschreibung beachten (Alt+C)</translation>
    </message>
    <message>
        <source>Previous hit (Shift+F3)</source>
        <translation>Vorheriger Treffer (Shift+F3)</translation>
    </message>
    <message>
        <source>Next hit (F3)</source>
        <translation>Nächster Treffer (F3)</translation>
    </message>
    <message>
        <source>Stop searching</source>
        <translation>Suche beenden</translation>
    </message>
    <message>
        <source>Show all lines again</source>
        <translation>Wieder alle Zeilen anzeigen</translation>
    </message>
    <message>
        <source>&amp;Level:</source>
        <translation>&amp;Stufe:</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Suchen…</translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation>&amp;Weitersuchen</translation>
    </message>
    <message>
        <source>Find &amp;Previous</source>
        <translation>&amp;Rückwärts suchen</translation>
    </message>
    <message>
        <source>Next &amp;Error</source>
        <translation>Nächster &amp;Fehler</translation>
    </message>
    <message>
        <source>Previous E&amp;rror</source>
        <translation>&amp;Vorheriger Fehler</translation>
    </message>
    <message>
        <source>&amp;Go to Line…</source>
        <translation>Zu &amp;Zeile springen…</translation>
    </message>
    <message>
        <source>Invalid regular expression: %1</source>
        <translation>Ungültiger regulärer Ausdruck: %1</translation>
    </message>
    <message>
        <source>Invalid pattern</source>
        <translation>Ungültiges Muster</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Suche läuft…</translation>
    </message>
    <message>
        <source>No hits</source>
        <translation>Keine Treffer</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>1 hit</source>
        <translation>1 Treffer</translation>
    </message>
    <message>
        <source>%1 hits</source>
        <translation>%1 Treffer</translation>
    </message>
    <message>
        <source>Search wrapped to the top</source>
        <translation>Suche am Anfang fortgesetzt</translation>
    </message>
    <message>
        <source>Search wrapped to the bottom</source>
        <translation>Suche am Ende fortgesetzt</translation>
    </message>
    <message>
        <source>No error below this line</source>
        <translation>Kein Fehler unterhalb dieser Zeile</translation>
    </message>
    <message>
        <source>No error above this line</source>
        <translation>Kein Fehler oberhalb dieser Zeile</translation>
    </message>
    <message>
        <source>Line %1 is hidden by the filter; showing line %2</source>
        <translation>Zeile %1 ist durch den Filter ausgeblendet; Zeile %2 wird angezeigt</translation>
    </message>
    <message>
        <source>Go to Line</source>
        <translation>Zu Zeile springen</translation>
    </message>
    <message>
        <source>Line number (1–%1):</source>
        <translation>Zeilennummer (1–%1):</translation>
    </message>
</context>
<context>
    <name>lab::MainWindow</name>
    <message>
        <source>Incidents</source>
        <translation>Vorfälle</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>Erklärung</translation>
    </message>
    <message>
        <source>Guidelines</source>
        <translation>Richtlinien</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>Qualität</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>RLHF Log Lab</source>
        <translation>RLHF Log Lab</translation>
    </message>
    <message>
        <source>Read failed jobs&apos; logs, compare explanations, teach the model.</source>
        <translation>Logs fehlgeschlagener Jobs lesen, Erklärungen vergleichen, dem Modell etwas beibringen.</translation>
    </message>
    <message>
        <source>Open a log…</source>
        <translation>Log öffnen…</translation>
    </message>
    <message>
        <source>Any text log: Spark, DLT, Kubernetes, S3, JSON…  (Ctrl+O)</source>
        <translation>Beliebiges Text-Log: Spark, DLT, Kubernetes, S3, JSON…  (Ctrl+O)</translation>
    </message>
    <message>
        <source>Open a project…</source>
        <translation>Projekt öffnen…</translation>
    </message>
    <message>
        <source>A lab database with incidents, votes and runs  (Ctrl+Shift+O)</source>
        <translation>Eine Lab-Datenbank mit Vorfällen, Stimmen und Läufen  (Ctrl+Shift+O)</translation>
    </message>
    <message>
        <source>Open the demo project</source>
        <translation>Demoprojekt öffnen</translation>
    </message>
    <message>
        <source>Synthetic incidents from Spark, DLT, Kubernetes, S3 and apps, built on first use</source>
        <translation>Synthetische Vorfälle aus Spark, DLT, Kubernetes, S3 und Apps, beim ersten Öffnen erstellt</translation>
    </message>
    <message>
        <source>Run the full demo…</source>
        <translation>Vollständige Demo ausführen…</translation>
    </message>
    <message>
        <source>Votes, reward model, DPO and PPO trained from scratch, then base vs aligned on held-out incidents (15 to 20 minutes on 2 cores)</source>
        <translation>Stimmen, Belohnungsmodell, DPO und PPO von Grund auf trainiert, dann Basismodell vs. ausgerichtetes Modell auf zurückgehaltenen Vorfällen (15 bis 20 Minuten auf 2 Kernen)</translation>
    </message>
    <message>
        <source>Recent files</source>
        <translation>Zuletzt geöffnete Dateien</translation>
    </message>
    <message>
        <source>Tip: drop a log or a project file anywhere on this window.</source>
        <translation>Tipp: Ziehen Sie ein Log oder eine Projektdatei an eine beliebige Stelle dieses Fensters.</translation>
    </message>
    <message>
        <source>&amp;Open Log…</source>
        <translation>&amp;Log öffnen…</translation>
    </message>
    <message>
        <source>Open a log file</source>
        <translation>Eine Logdatei öffnen</translation>
    </message>
    <message>
        <source>Open &amp;Project…</source>
        <translation>&amp;Projekt öffnen…</translation>
    </message>
    <message>
        <source>Open a lab database with incidents</source>
        <translation>Eine Lab-Datenbank mit Vorfällen öffnen</translation>
    </message>
    <message>
        <source>Open &amp;Demo Project</source>
        <translation>&amp;Demoprojekt öffnen</translation>
    </message>
    <message>
        <source>Open the synthetic demo project, building it on first use</source>
        <translation>Das synthetische Demoprojekt öffnen und es beim ersten Mal erstellen</translation>
    </message>
    <message>
        <source>Run the &amp;Full Demo…</source>
        <translation>&amp;Vollständige Demo ausführen…</translation>
    </message>
    <message>
        <source>Train a reward model, DPO and PPO adapters in a new demo project and compare them with the base model</source>
        <translation>Ein Belohnungsmodell sowie DPO- und PPO-Adapter in einem neuen Demoprojekt trainieren und mit dem Basismodell vergleichen</translation>
    </message>
    <message>
        <source>&amp;Close Log</source>
        <translation>Log &amp;schließen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Log</source>
        <translation>&amp;Log</translation>
    </message>
    <message>
        <source>&amp;Incidents</source>
        <translation>&amp;Vorfälle</translation>
    </message>
    <message>
        <source>&amp;Templates</source>
        <translation>V&amp;orlagen</translation>
    </message>
    <message>
        <source>&amp;Explain</source>
        <translation>&amp;Erklären</translation>
    </message>
    <message>
        <source>Ask the model why the job in this log failed</source>
        <translation>Das Modell fragen, warum der Job in diesem Log fehlgeschlagen ist</translation>
    </message>
    <message>
        <source>&amp;Label</source>
        <translation>&amp;Bewerten</translation>
    </message>
    <message>
        <source>Compare two explanations of an incident and vote for the better one</source>
        <translation>Zwei Erklärungen eines Vorfalls vergleichen und für die bessere stimmen</translation>
    </message>
    <message>
        <source>&amp;Switch Annotator…</source>
        <translation>&amp;Annotator wechseln…</translation>
    </message>
    <message>
        <source>Label under another profile (every vote is signed)</source>
        <translation>Unter einem anderen Profil bewerten (jede Stimme wird signiert)</translation>
    </message>
    <message>
        <source>&amp;Train</source>
        <translation>&amp;Trainieren</translation>
    </message>
    <message>
        <source>Train a reward model, a DPO or a PPO adapter on the project&apos;s votes, and watch it learn</source>
        <translation>Ein Belohnungsmodell, einen DPO- oder einen PPO-Adapter mit den Stimmen des Projekts trainieren und beim Lernen zusehen</translation>
    </message>
    <message>
        <source>A&amp;dapters</source>
        <translation>&amp;Adapter</translation>
    </message>
    <message>
        <source>The trained adapters: activate one, roll back, export it, evaluate it</source>
        <translation>Die trainierten Adapter: einen aktivieren, zurückrollen, exportieren, auswerten</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>Ü&amp;berprüfung</translation>
    </message>
    <message>
        <source>Base vs adapter on held-out incidents: metrics, charts, regressions, blind A/B review</source>
        <translation>Basismodell vs. Adapter auf zurückgehaltenen Vorfällen: Metriken, Diagramme, Regressionen, A/B-Blindvergleich</translation>
    </message>
    <message>
        <source>&amp;Paste Log</source>
        <translation>Log &amp;einfügen</translation>
    </message>
    <message>
        <source>Open the clipboard&apos;s text as a log, to explain it</source>
        <translation>Den Text aus der Zwischenablage als Log öffnen, um ihn erklären zu lassen</translation>
    </message>
    <message>
        <source>&amp;About RLHF Log Lab</source>
        <translation>Ü&amp;ber RLHF Log Lab</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Suchen</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>Show &amp;Levels</source>
        <translation>Stufen &amp;anzeigen</translation>
    </message>
    <message>
        <source>Incident &amp;Panel</source>
        <translation>Vorfall&amp;bereich</translation>
    </message>
    <message>
        <source>E&amp;xplanation Panel</source>
        <translation>&amp;Erklärungsbereich</translation>
    </message>
    <message>
        <source>&amp;Model</source>
        <translation>&amp;Modell</translation>
    </message>
    <message>
        <source>L&amp;abel</source>
        <translation>&amp;Bewertung</translation>
    </message>
    <message>
        <source>&amp;Training</source>
        <translation>&amp;Training</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Hauptleiste</translation>
    </message>
    <message>
        <source>Indexing %p%</source>
        <translation>Indizierung %p%</translation>
    </message>
    <message>
        <source>Stop indexing (the lines read so far stay available)</source>
        <translation>Indizierung stoppen (die bisher gelesenen Zeilen bleiben verfügbar)</translation>
    </message>
    <message>
        <source>Indexing stopped</source>
        <translation>Indizierung gestoppt</translation>
    </message>
    <message>
        <source>%1 lines</source>
        <translation>%1 Zeilen</translation>
    </message>
    <message>
        <source>Detected log format</source>
        <translation>Erkanntes Logformat</translation>
    </message>
    <message>
        <source>Indexed %1 lines</source>
        <translation>%1 Zeilen indiziert</translation>
    </message>
    <message>
        <source>Cannot read the log</source>
        <translation>Das Log kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>Line %1 of %2</source>
        <translation>Zeile %1 von %2</translation>
    </message>
    <message>
        <source>Cannot read the incidents</source>
        <translation>Die Vorfälle können nicht gelesen werden</translation>
    </message>
    <message>
        <source>Stopped. Press Ctrl+E to explain the log again.</source>
        <translation>Gestoppt. Ctrl+E drücken, um das Log erneut zu erklären.</translation>
    </message>
    <message>
        <source>%1 (loading the model)</source>
        <translation>%1 (Modell wird geladen)</translation>
    </message>
    <message>
        <source>Explanations now use adapter %1</source>
        <translation>Erklärungen verwenden jetzt den Adapter %1</translation>
    </message>
    <message>
        <source>Explanations now use the base model</source>
        <translation>Erklärungen verwenden jetzt das Basismodell</translation>
    </message>
    <message>
        <source>Cannot build the demo project</source>
        <translation>Das Demoprojekt kann nicht erstellt werden</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#dc2626&apos;&gt;● %1 errors&lt;/span&gt;&amp;nbsp;&amp;nbsp;&lt;span style=&apos;color:#b7791f&apos;&gt;● %2 warnings&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#dc2626&apos;&gt;● %1 Fehler&lt;/span&gt;&amp;nbsp;&amp;nbsp;&lt;span style=&apos;color:#b7791f&apos;&gt;● %2 Warnungen&lt;/span&gt;</translation>
    </message>
    <message>
        <source>No recent files</source>
        <translation>Keine zuletzt geöffneten Dateien</translation>
    </message>
    <message>
        <source>&amp;Clear List</source>
        <translation>&amp;Liste leeren</translation>
    </message>
    <message>
        <source>Stopping the run: writing its checkpoint, then closing…</source>
        <translation>Lauf wird gestoppt: Checkpoint wird geschrieben, danach wird geschlossen…</translation>
    </message>
    <message>
        <source>A run is training</source>
        <translation>Ein Lauf trainiert gerade</translation>
    </message>
    <message>
        <source>A training run is still going. Stop it and quit?</source>
        <translation>Ein Trainingslauf ist noch aktiv. Stoppen und beenden?</translation>
    </message>
    <message>
        <source>Stopping writes a checkpoint first (a few seconds); the run can be resumed later from the Training page.</source>
        <translation>Beim Stoppen wird zuerst ein Checkpoint geschrieben (einige Sekunden); der Lauf kann später auf der Seite „Training“ fortgesetzt werden.</translation>
    </message>
    <message>
        <source>Stop and Quit</source>
        <translation>Stoppen und beenden</translation>
    </message>
    <message>
        <source>Keep Training</source>
        <translation>Weiter trainieren</translation>
    </message>
    <message>
        <source>labeling as %1</source>
        <translation>Bewertung als %1</translation>
    </message>
    <message>
        <source>training run %1</source>
        <translation>Trainingslauf %1</translation>
    </message>
    <message>
        <source>training</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>Cannot open the log</source>
        <translation>Das Log kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>%1 geöffnet</translation>
    </message>
    <message>
        <source>Cannot open the project</source>
        <translation>Das Projekt kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>%1 does not exist or is not a file.</source>
        <translation>%1 existiert nicht oder ist keine Datei.</translation>
    </message>
    <message>
        <source>Cannot open another project now</source>
        <translation>Ein anderes Projekt kann jetzt nicht geöffnet werden</translation>
    </message>
    <message>
        <source>A run is training on this project. Stop it first (Training ▸ Stop).</source>
        <translation>Auf diesem Projekt läuft ein Training. Stoppen Sie es zuerst (Training ▸ Stoppen).</translation>
    </message>
    <message>
        <source>Opened project %1</source>
        <translation>Projekt %1 geöffnet</translation>
    </message>
    <message>
        <source>Incident %1</source>
        <translation>Vorfall %1</translation>
    </message>
    <message>
        <source>Cannot show the incident&apos;s log</source>
        <translation>Das Log des Vorfalls kann nicht angezeigt werden</translation>
    </message>
    <message>
        <source>Open Log</source>
        <translation>Log öffnen</translation>
    </message>
    <message>
        <source>Logs (*.log *.txt *.out *.err *.json *.jsonl *.csv);;All files (*)</source>
        <translation>Logs (*.log *.txt *.out *.err *.json *.jsonl *.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Open Project</source>
        <translation>Projekt öffnen</translation>
    </message>
    <message>
        <source>Lab projects (*.lab *.db *.sqlite *.sqlite3);;All files (*)</source>
        <translation>Lab-Projekte (*.lab *.db *.sqlite *.sqlite3);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Building the demo project…</source>
        <translation>Demoprojekt wird erstellt…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Demo Project</source>
        <translation>Demoprojekt</translation>
    </message>
    <message>
        <source>%1 + %2</source>
        <translation>%1 + %2</translation>
    </message>
    <message>
        <source>Labeling as %1: 1 A better, 2 B better, 3 tie, 4 both bad, Space skip, Ctrl+Z undo</source>
        <translation>Bewertung als %1: 1 A besser, 2 B besser, 3 Unentschieden, 4 beide schlecht, Space überspringen, Ctrl+Z rückgängig</translation>
    </message>
    <message>
        <source>The clipboard holds no text to open as a log</source>
        <translation>Die Zwischenablage enthält keinen Text, der als Log geöffnet werden kann</translation>
    </message>
    <message>
        <source>Pasted log</source>
        <translation>Eingefügtes Log</translation>
    </message>
    <message>
        <source>Cannot open the pasted log</source>
        <translation>Das eingefügte Log kann nicht geöffnet werden</translation>
    </message>
    <message numerus="yes">
        <source>Pasted %n line(s); press Ctrl+E to explain them</source>
        <translation>
            <numerusform>%n Zeile eingefügt; Ctrl+E drücken, um sie zu erklären</numerusform>
            <numerusform>%n Zeilen eingefügt; Ctrl+E drücken, um sie zu erklären</numerusform>
        </translation>
    </message>
    <message>
        <source>Restart the lab?</source>
        <translation>Lab neu starten?</translation>
    </message>
    <message>
        <source>The new language or number of threads takes effect when the lab starts again.</source>
        <translation>Die neue Sprache oder Anzahl der Threads wird wirksam, wenn das Lab neu startet.</translation>
    </message>
    <message>
        <source>Restart Now</source>
        <translation>Jetzt neu starten</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Später</translation>
    </message>
    <message>
        <source>Voting (Label page)</source>
        <translation>Abstimmen (Seite „Bewerten“)</translation>
    </message>
    <message>
        <source>A (left) is better</source>
        <translation>A (links) ist besser</translation>
    </message>
    <message>
        <source>B (right) is better</source>
        <translation>B (rechts) ist besser</translation>
    </message>
    <message>
        <source>Tie</source>
        <translation>Unentschieden</translation>
    </message>
    <message>
        <source>Both are bad</source>
        <translation>Beide sind schlecht</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>Space</translation>
    </message>
    <message>
        <source>Skip the pair</source>
        <translation>Paar überspringen</translation>
    </message>
    <message>
        <source>Undo the last vote</source>
        <translation>Letzte Stimme rückgängig machen</translation>
    </message>
    <message>
        <source>Blind review (Review page)</source>
        <translation>Blindvergleich (Seite „Überprüfung“)</translation>
    </message>
    <message>
        <source>Left or right is better</source>
        <translation>Links oder rechts ist besser</translation>
    </message>
    <message>
        <source>Tie, both bad</source>
        <translation>Unentschieden, beide schlecht</translation>
    </message>
    <message>
        <source>Next pair</source>
        <translation>Nächstes Paar</translation>
    </message>
    <message>
        <source>Anywhere</source>
        <translation>Überall</translation>
    </message>
    <message>
        <source>Show or hide this list</source>
        <translation>Diese Liste ein- oder ausblenden</translation>
    </message>
    <message>
        <source>Drop a file</source>
        <translation>Datei ablegen</translation>
    </message>
    <message>
        <source>Open a log or a project</source>
        <translation>Ein Log oder ein Projekt öffnen</translation>
    </message>
    <message>
        <source>Drop text</source>
        <translation>Text ablegen</translation>
    </message>
    <message>
        <source>Open it as a log to explain</source>
        <translation>Als Log öffnen, um ihn erklären zu lassen</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>E&amp;instellungen…</translation>
    </message>
    <message>
        <source>Language, theme, data folder, model, device, threads, your annotator name, training defaults</source>
        <translation>Sprache, Design, Datenordner, Modell, Gerät, Threads, Ihr Annotatorname, Standardwerte für das Training</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>Every keyboard shortcut at a glance</source>
        <translation>Alle Tastenkürzel auf einen Blick</translation>
    </message>
    <message>
        <source>Cannot open a folder</source>
        <translation>Ordner kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>%1 is a folder. Drop a log, a project file, or a model folder (config.json, safetensors and tokenizer.model).</source>
        <translation>%1 ist ein Ordner. Ziehen Sie ein Log, eine Projektdatei oder einen Modellordner (config.json, safetensors und tokenizer.model) hierher.</translation>
    </message>
    <message>
        <source>Use this model?</source>
        <translation>Dieses Modell verwenden?</translation>
    </message>
    <message>
        <source>Use the model in %1 to explain logs, train adapters and evaluate them?</source>
        <translation>Das Modell in %1 verwenden, um Logs zu erklären, Adapter zu trainieren und sie auszuwerten?</translation>
    </message>
    <message>
        <source>Settings ▸ Model goes back to the bundled model.</source>
        <translation>Unter Einstellungen ▸ Modell gelangen Sie zum mitgelieferten Modell zurück.</translation>
    </message>
    <message>
        <source>Base model: %1</source>
        <translation>Basismodell: %1</translation>
    </message>
</context>
<context>
    <name>lab::PairLoaderWorker</name>
    <message>
        <source>Loading the next pair failed: %1</source>
        <translation>Laden des nächsten Paars fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Loading pair %1 failed: %2</source>
        <translation>Laden von Paar %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>(no log stored for incident %1)</source>
        <translation>(kein Log für Vorfall %1 gespeichert)</translation>
    </message>
</context>
<context>
    <name>lab::ReviewChart</name>
    <message>
        <source>Run an evaluation to see the measures per kind</source>
        <translation>Eine Auswertung ausführen, um die Messgrößen pro Typ zu sehen</translation>
    </message>
    <message>
        <source>A: %1</source>
        <translation>A: %1</translation>
    </message>
    <message>
        <source>B: %1</source>
        <translation>B: %1</translation>
    </message>
    <message>
        <source>%1 per kind</source>
        <translation>%1 pro Typ</translation>
    </message>
    <message>
        <source>Cannot write the chart image %1</source>
        <translation>Das Diagrammbild %1 kann nicht geschrieben werden</translation>
    </message>
</context>
<context>
    <name>lab::ReviewEvalWorker</name>
    <message>
        <source>Evaluation failed: %1</source>
        <translation>Auswertung fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>lab::ReviewMetricsModel</name>
    <message>
        <source>%1 [%2, %3]</source>
        <translation>%1 [%2, %3]</translation>
    </message>
    <message>
        <source>Share of incidents where B&apos;s explanation scores higher than A&apos;s (ties count half), with its 95% percentile-bootstrap interval over incidents</source>
        <translation>Anteil der Vorfälle, bei denen die Erklärung von B höher bewertet wird als die von A (Unentschieden zählen halb), mit 95-%-Perzentil-Bootstrap-Intervall über die Vorfälle</translation>
    </message>
    <message>
        <source>Measure (all kinds)</source>
        <translation>Messgröße (alle Typen)</translation>
    </message>
    <message>
        <source>Measure (%1)</source>
        <translation>Messgröße (%1)</translation>
    </message>
    <message>
        <source>A: %1</source>
        <translation>A: %1</translation>
    </message>
    <message>
        <source>B: %1</source>
        <translation>B: %1</translation>
    </message>
    <message>
        <source>B − A</source>
        <translation>B − A</translation>
    </message>
</context>
<context>
    <name>lab::ReviewPairModel</name>
    <message>
        <source>B better</source>
        <translation>B besser</translation>
    </message>
    <message>
        <source>A better</source>
        <translation>A besser</translation>
    </message>
    <message>
        <source>tie</source>
        <translation>Unentschieden</translation>
    </message>
    <message>
        <source>Simulated engineer&apos;s score of B minus that of A</source>
        <translation>Punktzahl des simulierten Engineers für B minus der für A</translation>
    </message>
    <message>
        <source>Incident</source>
        <translation>Vorfall</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Δ score</source>
        <translation>Δ Punktzahl</translation>
    </message>
    <message>
        <source>Regression</source>
        <translation>Regression</translation>
    </message>
</context>
<context>
    <name>lab::ReviewView</name>
    <message>
        <source>Model A: usually the base model</source>
        <translation>Modell A: meist das Basismodell</translation>
    </message>
    <message>
        <source>Model B: the adapter to judge against A</source>
        <translation>Modell B: der Adapter, der gegen A beurteilt wird</translation>
    </message>
    <message>
        <source>all</source>
        <translation>alle</translation>
    </message>
    <message>
        <source>Held-out incidents to explain (all: every held-out incident)</source>
        <translation>Zu erklärende zurückgehaltene Vorfälle (alle: jeder zurückgehaltene Vorfall)</translation>
    </message>
    <message>
        <source>Greedy</source>
        <translation>Deterministisch</translation>
    </message>
    <message>
        <source>Deterministic (argmax) explanations instead of sampled ones (T 0.7)</source>
        <translation>Deterministische (Argmax-)Erklärungen statt gesampelter (T 0.7)</translation>
    </message>
    <message>
        <source>Evaluate</source>
        <translation>Auswerten</translation>
    </message>
    <message>
        <source>Explain the held-out incidents with A and B and compare them (F5)</source>
        <translation>Die zurückgehaltenen Vorfälle mit A und B erklären und vergleichen (F5)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop the evaluation after the batch being generated</source>
        <translation>Die Auswertung nach dem gerade erzeugten Batch stoppen</translation>
    </message>
    <message>
        <source>Export report…</source>
        <translation>Bericht exportieren…</translation>
    </message>
    <message>
        <source>Write report.html with PNG charts, rows.csv and report.json</source>
        <translation>report.html mit PNG-Diagrammen, rows.csv und report.json schreiben</translation>
    </message>
    <message>
        <source>A:</source>
        <translation>A:</translation>
    </message>
    <message>
        <source>B:</source>
        <translation>B:</translation>
    </message>
    <message>
        <source>Incidents:</source>
        <translation>Vorfälle:</translation>
    </message>
    <message>
        <source>Regressions only</source>
        <translation>Nur Regressionen</translation>
    </message>
    <message>
        <source>Incidents where B does worse than A: lost root cause, new hallucination, new unsafe action, or a score drop</source>
        <translation>Vorfälle, bei denen B schlechter abschneidet als A: Grundursache verloren, neue Halluzination, neue unsichere Aktion oder niedrigere Punktzahl</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Typ:</translation>
    </message>
    <message>
        <source>Show log</source>
        <translation>Log anzeigen</translation>
    </message>
    <message>
        <source>Open this incident&apos;s log in the log view (or double-click the row)</source>
        <translation>Das Log dieses Vorfalls in der Log-Ansicht öffnen (oder Zeile doppelklicken)</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;background:#fde2e2&apos;&gt;&amp;nbsp;only in A&amp;nbsp;&lt;/span&gt;&amp;nbsp;&amp;nbsp;&lt;span style=&apos;background:#d9f5df&apos;&gt;&amp;nbsp;only in B&amp;nbsp;&lt;/span&gt;&amp;nbsp;&amp;nbsp;identifiers: underlined = in the log (click: its line), red wavy = not in the log</source>
        <translation>&lt;span style=&apos;background:#fde2e2&apos;&gt;&amp;nbsp;nur in A&amp;nbsp;&lt;/span&gt;&amp;nbsp;&amp;nbsp;&lt;span style=&apos;background:#d9f5df&apos;&gt;&amp;nbsp;nur in B&amp;nbsp;&lt;/span&gt;&amp;nbsp;&amp;nbsp;Bezeichner: unterstrichen = im Log (Klick: zugehörige Zeile), rot gewellt = nicht im Log</translation>
    </message>
    <message>
        <source>Chart:</source>
        <translation>Diagramm:</translation>
    </message>
    <message>
        <source>Side by side</source>
        <translation>Nebeneinander</translation>
    </message>
    <message>
        <source>Measures</source>
        <translation>Kennzahlen</translation>
    </message>
    <message>
        <source>Blind review</source>
        <translation>Blindvergleich</translation>
    </message>
    <message>
        <source>Pick A and B, then Evaluate: both explain the held-out incidents with the same seeds.</source>
        <translation>A und B wählen, dann Auswerten: Beide erklären die zurückgehaltenen Vorfälle mit denselben Seeds.</translation>
    </message>
    <message>
        <source>A and B are the same model; pick two different ones.</source>
        <translation>A und B sind dasselbe Modell; zwei verschiedene wählen.</translation>
    </message>
    <message>
        <source>A: %1 — %p%</source>
        <translation>A: %1 — %p%</translation>
    </message>
    <message>
        <source>Explaining the held-out incidents with %1, then with %2…</source>
        <translation>Zurückgehaltene Vorfälle werden mit %1, dann mit %2 erklärt…</translation>
    </message>
    <message>
        <source>Cancelling after the batch being generated…</source>
        <translation>Abbruch nach dem gerade erzeugten Batch…</translation>
    </message>
    <message>
        <source>%1: %2 — %3 of %4 incidents</source>
        <translation>%1: %2 — %3 von %4 Vorfällen</translation>
    </message>
    <message>
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <source>B</source>
        <translation>B</translation>
    </message>
    <message>
        <source>Evaluation cancelled; the previous result (if any) is still shown.</source>
        <translation>Auswertung abgebrochen; das vorherige Ergebnis (falls vorhanden) wird weiterhin angezeigt.</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Alle Typen</translation>
    </message>
    <message>
        <source>%1 held-out incidents (%2): B = %3 wins over A = %4 at %5% [%6%, %7%]; %8 incidents regressed. Root cause %9% → %10%, hallucination %11% → %12%.</source>
        <translation>%1 zurückgehaltene Vorfälle (%2): B = %3 gewinnt gegen A = %4 mit %5% [%6%, %7%]; %8 Vorfälle verschlechtert. Grundursache %9% → %10%, Halluzination %11% → %12%.</translation>
    </message>
    <message>
        <source>score %1</source>
        <translation>Punktzahl %1</translation>
    </message>
    <message>
        <source>root cause ✓</source>
        <translation>Grundursache ✓</translation>
    </message>
    <message>
        <source>root cause ✗</source>
        <translation>Grundursache ✗</translation>
    </message>
    <message numerus="yes">
        <source>%n invented identifier(s)</source>
        <translation>
            <numerusform>%n erfundener Bezeichner</numerusform>
            <numerusform>%n erfundene Bezeichner</numerusform>
        </translation>
    </message>
    <message>
        <source>unsafe action</source>
        <translation>unsichere Aktion</translation>
    </message>
    <message numerus="yes">
        <source>%n word(s)</source>
        <translation>
            <numerusform>%n Wort</numerusform>
            <numerusform>%n Wörter</numerusform>
        </translation>
    </message>
    <message>
        <source>A: %1 — %2</source>
        <translation>A: %1 — %2</translation>
    </message>
    <message>
        <source>B: %1 — %2</source>
        <translation>B: %1 — %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;Incident %1&lt;/b&gt; (%2), sample %3: %4</source>
        <translation>&lt;b&gt;Vorfall %1&lt;/b&gt; (%2), Stichprobe %3: %4</translation>
    </message>
    <message>
        <source>B better</source>
        <translation>B besser</translation>
    </message>
    <message>
        <source>A better</source>
        <translation>A besser</translation>
    </message>
    <message>
        <source>tie</source>
        <translation>Unentschieden</translation>
    </message>
    <message>
        <source> — &lt;span style=&apos;color:#c81e1e&apos;&gt;regression: %1&lt;/span&gt;</source>
        <translation> — &lt;span style=&apos;color:#c81e1e&apos;&gt;Regression: %1&lt;/span&gt;</translation>
    </message>
    <message>
        <source>Nothing to export yet: run an evaluation first.</source>
        <translation>Noch nichts zu exportieren: zuerst eine Auswertung ausführen.</translation>
    </message>
    <message>
        <source>Cannot create a temporary folder for the chart images: %1</source>
        <translation>Temporärer Ordner für die Diagrammbilder kann nicht erstellt werden: %1</translation>
    </message>
    <message>
        <source>RLHF Log Lab review: %1 vs %2</source>
        <translation>RLHF Log Lab Review: %1 vs. %2</translation>
    </message>
    <message>
        <source>%1 per kind, A vs B (PNG from the review view)</source>
        <translation>%1 pro Typ, A vs. B (PNG aus der Review-Ansicht)</translation>
    </message>
    <message>
        <source>Report written: %1 (with %2 chart images), %3, %4.</source>
        <translation>Bericht geschrieben: %1 (mit %2 Diagrammbildern), %3, %4.</translation>
    </message>
    <message>
        <source>Write the review report into a folder</source>
        <translation>Review-Bericht in einen Ordner schreiben</translation>
    </message>
</context>
<context>
    <name>lab::RunTableModel</name>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>wartend</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>abgeschlossen</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>gestoppt</translation>
    </message>
    <message>
        <source>paused by a guard</source>
        <translation>durch Schutzregel pausiert</translation>
    </message>
    <message>
        <source>Reward model</source>
        <translation>Belohnungsmodell</translation>
    </message>
    <message>
        <source>DPO</source>
        <translation>DPO</translation>
    </message>
    <message>
        <source>PPO</source>
        <translation>PPO</translation>
    </message>
    <message>
        <source>— / %1</source>
        <translation>— / %1</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>%1 = %2</source>
        <translation>%1 = %2</translation>
    </message>
    <message>
        <source>The metric that says most about this kind of run, at its last logged step</source>
        <translation>Die aussagekräftigste Metrik für diesen Lauftyp, beim letzten protokollierten Schritt</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <source>Key metric</source>
        <translation>Kennzahl</translation>
    </message>
    <message>
        <source>Adapter</source>
        <translation>Adapter</translation>
    </message>
</context>
<context>
    <name>lab::SettingsDialog</name>
    <message>
        <source>Reward model</source>
        <translation>Belohnungsmodell</translation>
    </message>
    <message>
        <source>DPO adapter</source>
        <translation>DPO-Adapter</translation>
    </message>
    <message>
        <source>PPO adapter</source>
        <translation>PPO-Adapter</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation>&amp;Allgemein</translation>
    </message>
    <message>
        <source>&amp;Model</source>
        <translation>&amp;Modell</translation>
    </message>
    <message>
        <source>&amp;Labeling</source>
        <translation>&amp;Bewertung</translation>
    </message>
    <message>
        <source>&amp;Training</source>
        <translation>&amp;Training</translation>
    </message>
    <message>
        <source>Language and threads take effect when the lab starts again; everything else at once.</source>
        <translation>Sprache und Threads werden beim nächsten Start des Labs wirksam, alles andere sofort.</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>System default (%1)</source>
        <translation>Systemstandard (%1)</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>D&amp;esign:</translation>
    </message>
    <message>
        <source>Where the demo projects are made. Empty: the standard application-data folder.</source>
        <translation>Wo die Demoprojekte angelegt werden. Leer: der Standardordner für Anwendungsdaten.</translation>
    </message>
    <message>
        <source>&amp;Data folder:</source>
        <translation>&amp;Datenordner:</translation>
    </message>
    <message>
        <source>Data Folder</source>
        <translation>Datenordner</translation>
    </message>
    <message>
        <source>&amp;Reopen the last project at start</source>
        <translation>&amp;Letztes Projekt beim Start wieder öffnen</translation>
    </message>
    <message>
        <source>Bundled lab-tiny (%1)</source>
        <translation>Mitgeliefertes lab-tiny (%1)</translation>
    </message>
    <message>
        <source>A model folder (config.json, safetensors, tokenizer.model), such as a Hugging Face Llama checkpoint. It explains logs, trains adapters and is evaluated.</source>
        <translation>Ein Modellordner (config.json, safetensors, tokenizer.model), etwa ein Hugging-Face-Llama-Checkpoint. Das Modell erklärt Logs, trainiert Adapter und wird ausgewertet.</translation>
    </message>
    <message>
        <source>&amp;Base model:</source>
        <translation>Ba&amp;sismodell:</translation>
    </message>
    <message>
        <source>Model Folder</source>
        <translation>Modellordner</translation>
    </message>
    <message>
        <source>Automatic (a GPU when there is one)</source>
        <translation>Automatisch (eine GPU, falls vorhanden)</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>%1 (not available here)</source>
        <translation>%1 (hier nicht verfügbar)</translation>
    </message>
    <message>
        <source>&amp;Device:</source>
        <translation>&amp;Gerät:</translation>
    </message>
    <message>
        <source>Threads for matrix products (LibTorch and OpenBLAS). Fewer leave cores free for other work.</source>
        <translation>Threads für Matrixprodukte (LibTorch und OpenBLAS). Weniger Threads lassen Kerne für andere Arbeit frei.</translation>
    </message>
    <message>
        <source>T&amp;hreads:</source>
        <translation>T&amp;hreads:</translation>
    </message>
    <message>
        <source>The lab&apos;s own small model, trained on the synthetic incidents.</source>
        <translation>Das eigene kleine Modell des Labs, trainiert auf den synthetischen Vorfällen.</translation>
    </message>
    <message>
        <source>The bundled model is missing from this installation.</source>
        <translation>Das mitgelieferte Modell fehlt in dieser Installation.</translation>
    </message>
    <message>
        <source>This folder does not exist.</source>
        <translation>Dieser Ordner existiert nicht.</translation>
    </message>
    <message>
        <source>No config.json in this folder: it is not a model folder.</source>
        <translation>Keine config.json in diesem Ordner: Es ist kein Modellordner.</translation>
    </message>
    <message>
        <source>No tokenizer.model in this folder: the model cannot read text.</source>
        <translation>Keine tokenizer.model in diesem Ordner: Das Modell kann keinen Text lesen.</translation>
    </message>
    <message>
        <source>A model folder.</source>
        <translation>Ein Modellordner.</translation>
    </message>
    <message>
        <source>Ask in each project</source>
        <translation>In jedem Projekt fragen</translation>
    </message>
    <message>
        <source>&amp;Your name:</source>
        <translation>&amp;Ihr Name:</translation>
    </message>
    <message>
        <source>Signs your votes. Projects where you have not labeled yet start with this profile instead of asking; Label ▸ Switch Annotator picks another.</source>
        <translation>Signiert Ihre Stimmen. Projekte, in denen Sie noch nicht bewertet haben, starten mit diesem Profil, statt nachzufragen; Bewertung ▸ Annotator wechseln wählt ein anderes.</translation>
    </message>
    <message>
        <source>T&amp;rainer:</source>
        <translation>T&amp;rainer:</translation>
    </message>
    <message>
        <source>The settings a new run of this trainer starts with. Restore defaults puts back the lab&apos;s own.</source>
        <translation>Die Einstellungen, mit denen ein neuer Lauf dieses Trainers beginnt. „Standardwerte wiederherstellen“ stellt die Standardwerte des Labs wieder her.</translation>
    </message>
    <message>
        <source>Automatic: one per core (%1)</source>
        <translation>Automatisch: einer pro Kern (%1)</translation>
    </message>
</context>
<context>
    <name>lab::ShortcutsOverlay</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Press Esc or F1 to close.</source>
        <translation>Zum Schließen Esc oder F1 drücken.</translation>
    </message>
</context>
<context>
    <name>lab::TemplatePanel</name>
    <message>
        <source>Filter templates…</source>
        <translation>Vorlagen filtern…</translation>
    </message>
    <message>
        <source>Stop mining templates</source>
        <translation>Vorlagenextraktion stoppen</translation>
    </message>
    <message>
        <source>Click a template to show only its lines in the log (Enter does the same)</source>
        <translation>Auf eine Vorlage klicken, um nur ihre Zeilen im Log anzuzeigen (Enter bewirkt dasselbe)</translation>
    </message>
    <message>
        <source>Template mining stopped</source>
        <translation>Vorlagenextraktion gestoppt</translation>
    </message>
    <message>
        <source>No log open</source>
        <translation>Kein Log geöffnet</translation>
    </message>
    <message>
        <source>Mining templates…</source>
        <translation>Vorlagen werden extrahiert…</translation>
    </message>
    <message>
        <source>%1 templates in %2 lines</source>
        <translation>%1 Vorlagen in %2 Zeilen</translation>
    </message>
    <message>
        <source>%1 · %2 lines</source>
        <translation>%1 · %2 Zeilen</translation>
    </message>
</context>
<context>
    <name>lab::TemplateTableModel</name>
    <message>
        <source>(empty line)</source>
        <translation>(leere Zeile)</translation>
    </message>
    <message>
        <source>%1: %2 lines
%3</source>
        <translation>%1: %2 Zeilen
%3</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Anteil</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Vorlage</translation>
    </message>
</context>
<context>
    <name>lab::TrainParam</name>
    <message>
        <source>Steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <source>Optimizer steps in the run. Each step trains on batch_size pairs; one epoch is ceil(training pairs / batch_size) steps.</source>
        <translation>Optimiererschritte im Lauf. Jeder Schritt trainiert auf batch_size Paaren; eine Epoche umfasst ceil(Trainingspaare / batch_size) Schritte.</translation>
    </message>
    <message>
        <source>Pairs per step</source>
        <translation>Paare pro Schritt</translation>
    </message>
    <message>
        <source>Preference pairs per step; the chosen and rejected answers of all of them go through one packed forward.</source>
        <translation>Präferenzpaare pro Schritt; die gewählten und abgelehnten Antworten aller Paare durchlaufen einen gemeinsamen gepackten Forward-Pass.</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <source>Peak AdamW learning rate, reached after the warm-up and then lowered along a cosine. Lower it if the loss jumps about or turns NaN.</source>
        <translation>Maximale AdamW-Lernrate, erreicht nach dem Warm-up und danach entlang eines Kosinus gesenkt. Verringern, wenn der Verlust stark schwankt oder NaN wird.</translation>
    </message>
    <message>
        <source>Warm-up steps</source>
        <translation>Warm-up-Schritte</translation>
    </message>
    <message>
        <source>Steps over which the learning rate rises linearly to its peak.</source>
        <translation>Schritte, in denen die Lernrate linear auf ihren Höchstwert steigt.</translation>
    </message>
    <message>
        <source>Final learning rate ratio</source>
        <translation>Endfaktor der Lernrate</translation>
    </message>
    <message>
        <source>The cosine ends at this fraction of the peak learning rate.</source>
        <translation>Der Kosinus endet bei diesem Bruchteil der maximalen Lernrate.</translation>
    </message>
    <message>
        <source>Weight decay</source>
        <translation>Weight Decay</translation>
    </message>
    <message>
        <source>AdamW&apos;s decoupled weight decay on the weight matrices (not on norms).</source>
        <translation>Entkoppelter Weight Decay von AdamW auf den Gewichtsmatrizen (nicht auf Normen).</translation>
    </message>
    <message>
        <source>Gradient clip</source>
        <translation>Gradienten-Clipping</translation>
    </message>
    <message>
        <source>Gradients are scaled down so that their global norm is at most this.</source>
        <translation>Gradienten werden herunterskaliert, sodass ihre globale Norm höchstens diesen Wert hat.</translation>
    </message>
    <message>
        <source>Margin</source>
        <translation>Marge</translation>
    </message>
    <message>
        <source>Bradley-Terry margin: the loss keeps pushing until r(chosen) - r(rejected) exceeds it. 0 is the plain Bradley-Terry loss.</source>
        <translation>Bradley-Terry-Marge: Der Verlust wirkt weiter, bis r(chosen) - r(rejected) sie überschreitet. 0 ergibt den einfachen Bradley-Terry-Verlust.</translation>
    </message>
    <message>
        <source>Trained layers</source>
        <translation>Trainierte Schichten</translation>
    </message>
    <message>
        <source>How many of the top decoder layers are trained with the head (the final norm too when &gt; 0); -1 trains the whole model. Fewer layers make a step cheaper: nothing below them runs backward.</source>
        <translation>Wie viele der obersten Decoder-Schichten zusammen mit dem Kopf trainiert werden (bei &gt; 0 auch die letzte Norm); -1 trainiert das ganze Modell. Weniger Schichten machen einen Schritt günstiger: Darunter läuft kein Backward-Pass.</translation>
    </message>
    <message>
        <source>Held-out share</source>
        <translation>Zurückgehaltener Anteil</translation>
    </message>
    <message>
        <source>Share of the incidents whose pairs are kept out of training to measure eval/accuracy (split by incident, never by pair).</source>
        <translation>Anteil der Vorfälle, deren Paare vom Training ausgeschlossen werden, um eval/accuracy zu messen (Aufteilung nach Vorfall, nie nach Paar).</translation>
    </message>
    <message>
        <source>Held-out pairs evaluated</source>
        <translation>Ausgewertete zurückgehaltene Paare</translation>
    </message>
    <message>
        <source>At most this many held-out pairs are scored at each evaluation (the same ones each time); 0: all of them.</source>
        <translation>Höchstens so viele zurückgehaltene Paare werden bei jeder Auswertung bewertet (jedes Mal dieselben); 0: alle.</translation>
    </message>
    <message>
        <source>Evaluate every</source>
        <translation>Auswerten alle</translation>
    </message>
    <message>
        <source>Steps between held-out evaluations besides each epoch end and the end of the run; 0: only then.</source>
        <translation>Schritte zwischen Auswertungen auf den zurückgehaltenen Paaren, zusätzlich zu jedem Epochenende und dem Ende des Laufs; 0: nur dann.</translation>
    </message>
    <message>
        <source>Log every</source>
        <translation>Protokollieren alle</translation>
    </message>
    <message>
        <source>Steps between metric points (means over those steps).</source>
        <translation>Schritte zwischen Metrikpunkten (Mittelwerte über diese Schritte).</translation>
    </message>
    <message>
        <source>Checkpoint every</source>
        <translation>Checkpoint alle</translation>
    </message>
    <message>
        <source>Steps between checkpoints (also written when the run stops); 0: only at the end.</source>
        <translation>Schritte zwischen Checkpoints (auch beim Stoppen des Laufs geschrieben); 0: nur am Ende.</translation>
    </message>
    <message>
        <source>Prompt budget</source>
        <translation>Prompt-Budget</translation>
    </message>
    <message>
        <source>Tokens of BOS + log digest + cue; 0: what the base model was trained with (its lab_prompt_tokens, else 352).</source>
        <translation>Tokens für BOS + Log-Zusammenfassung + Hinweis; 0: der Wert, mit dem das Basismodell trainiert wurde (sein lab_prompt_tokens, sonst 352).</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>Kontext</translation>
    </message>
    <message>
        <source>Prompt + explanation + EOS are cut to this many tokens.</source>
        <translation>Prompt + Erklärung + EOS werden auf so viele Tokens gekürzt.</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <source>Head initialisation, train/held-out split and the order of the pairs.</source>
        <translation>Initialisierung des Kopfes, Aufteilung in Training/zurückgehalten und Reihenfolge der Paare.</translation>
    </message>
    <message>
        <source>Rank unvoted pairs</source>
        <translation>Unbewertete Paare einstufen</translation>
    </message>
    <message>
        <source>After a finished run, score the pairs nobody has voted on so the labeling queue shows the ones the model is least sure about first.</source>
        <translation>Nach einem abgeschlossenen Lauf die Paare, über die noch niemand abgestimmt hat, mit Punktzahlen versehen, damit die Bewertungswarteschlange zuerst die zeigt, bei denen das Modell am unsichersten ist.</translation>
    </message>
    <message>
        <source>Ranking time limit</source>
        <translation>Zeitlimit für Einstufung</translation>
    </message>
    <message>
        <source>Pair ranking is skipped when it would take longer than this many seconds.</source>
        <translation>Die Einstufung der Paare wird übersprungen, wenn sie länger als so viele Sekunden dauern würde.</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <source>sigmoid: the DPO paper&apos;s loss. ipo: squared loss on length-averaged log-probabilities, less prone to over-fitting a few pairs. robust: sigmoid corrected for a known rate of flipped votes (label_smoothing).</source>
        <translation>sigmoid: der Verlust aus dem DPO-Paper. ipo: quadratischer Verlust auf längengemittelten Log-Wahrscheinlichkeiten, weniger anfällig für Overfitting auf wenige Paare. robust: sigmoid, korrigiert um eine bekannte Rate vertauschter Stimmen (label_smoothing).</translation>
    </message>
    <message>
        <source>Optimizer steps. Each step reads batch_size pairs.</source>
        <translation>Optimiererschritte. Jeder Schritt liest batch_size Paare.</translation>
    </message>
    <message>
        <source>Preference pairs per step (2 sequences each). Larger is steadier but slower.</source>
        <translation>Präferenzpaare pro Schritt (je 2 Sequenzen). Größer ist stabiler, aber langsamer.</translation>
    </message>
    <message>
        <source>Peak AdamW learning rate of the adapter. Lower it if rewards/accuracies stall or the explanations degrade.</source>
        <translation>Maximale AdamW-Lernrate des Adapters. Verringern, wenn rewards/accuracies stagnieren oder die Erklärungen schlechter werden.</translation>
    </message>
    <message>
        <source>Steps of linear warm-up before the cosine decay.</source>
        <translation>Schritte des linearen Warm-ups vor dem Kosinus-Abfall.</translation>
    </message>
    <message>
        <source>Final LR ratio</source>
        <translation>LR-Endfaktor</translation>
    </message>
    <message>
        <source>The cosine decays to this fraction of the peak rate.</source>
        <translation>Der Kosinus fällt auf diesen Bruchteil der maximalen Rate ab.</translation>
    </message>
    <message>
        <source>AdamW decoupled weight decay on the adapter (TRL&apos;s default is 0).</source>
        <translation>Entkoppelter AdamW-Weight-Decay auf dem Adapter (Standard in TRL ist 0).</translation>
    </message>
    <message>
        <source>The adapter&apos;s gradients are clipped to this global norm.</source>
        <translation>Die Gradienten des Adapters werden auf diese globale Norm begrenzt.</translation>
    </message>
    <message>
        <source>Beta</source>
        <translation>Beta</translation>
    </message>
    <message>
        <source>Strength of the pull towards the reference model: lower lets the policy move further from the base model (0.1 is the DPO paper&apos;s default).</source>
        <translation>Stärke der Bindung an das Referenzmodell: Niedrigere Werte lassen die Policy weiter vom Basismodell abweichen (0.1 ist der Standard aus dem DPO-Paper).</translation>
    </message>
    <message>
        <source>Label noise</source>
        <translation>Label-Rauschen</translation>
    </message>
    <message>
        <source>robust: the assumed share of flipped votes (the simulated engineer&apos;s noise); sigmoid: conservative-DPO smoothing. Must stay below 0.5. Ignored by ipo.</source>
        <translation>robust: der angenommene Anteil umgekehrter Stimmen (das Rauschen des simulierten Engineers); sigmoid: Glättung nach konservativem DPO. Muss unter 0.5 bleiben. Von ipo ignoriert.</translation>
    </message>
    <message>
        <source>LoRA rank</source>
        <translation>LoRA-Rang</translation>
    </message>
    <message>
        <source>Rank of the adapter matrices.</source>
        <translation>Rang der Adapter-Matrizen.</translation>
    </message>
    <message>
        <source>LoRA alpha</source>
        <translation>LoRA-Alpha</translation>
    </message>
    <message>
        <source>Adapter scale is alpha / rank.</source>
        <translation>Die Adapter-Skalierung ist alpha / Rang.</translation>
    </message>
    <message>
        <source>LoRA dropout</source>
        <translation>LoRA-Dropout</translation>
    </message>
    <message>
        <source>Dropout on the adapter&apos;s input while training.</source>
        <translation>Dropout auf die Eingabe des Adapters während des Trainings.</translation>
    </message>
    <message>
        <source>Adapted projections</source>
        <translation>Angepasste Projektionen</translation>
    </message>
    <message>
        <source>Comma-separated projection names to adapt: q_proj, k_proj, v_proj, o_proj and, for the MLP, gate_proj, up_proj, down_proj.</source>
        <translation>Kommagetrennte Namen der anzupassenden Projektionen: q_proj, k_proj, v_proj, o_proj und, für das MLP, gate_proj, up_proj, down_proj.</translation>
    </message>
    <message>
        <source>Seeds the adapter&apos;s initialisation, the split and the batch order.</source>
        <translation>Startwert für die Initialisierung des Adapters, die Aufteilung und die Batch-Reihenfolge.</translation>
    </message>
    <message>
        <source>Share of incidents whose pairs are kept out of training and used to measure held-out rewards/accuracies.</source>
        <translation>Anteil der Vorfälle, deren Paare vom Training zurückgehalten und zur Messung der Belohnungen/Genauigkeiten auf zurückgehaltenen Daten verwendet werden.</translation>
    </message>
    <message>
        <source>Held-out pairs scored at each evaluation (0: none). More is steadier but slower.</source>
        <translation>Zurückgehaltene Paare, die bei jeder Auswertung bewertet werden (0: keine). Mehr ist stabiler, aber langsamer.</translation>
    </message>
    <message>
        <source>Steps between held-out evaluations (and one at the end).</source>
        <translation>Schritte zwischen Auswertungen auf zurückgehaltenen Daten (und eine am Ende).</translation>
    </message>
    <message>
        <source>Steps between logged metric points (averaged over those steps).</source>
        <translation>Schritte zwischen protokollierten Metrikpunkten (über diese Schritte gemittelt).</translation>
    </message>
    <message>
        <source>Steps between checkpoints (and one at the end).</source>
        <translation>Schritte zwischen Checkpoints (und einer am Ende).</translation>
    </message>
    <message>
        <source>Reference batch</source>
        <translation>Referenz-Batch</translation>
    </message>
    <message>
        <source>Pairs per no-grad forward when the reference log-probabilities are computed.</source>
        <translation>Paare pro Forward-Durchlauf ohne Gradienten, wenn die Log-Wahrscheinlichkeiten der Referenz berechnet werden.</translation>
    </message>
    <message>
        <source>Iterations</source>
        <translation>Iterationen</translation>
    </message>
    <message>
        <source>PPO iterations: each samples one batch of explanations, scores them and updates the policy on them.</source>
        <translation>PPO-Iterationen: Jede erzeugt einen Batch von Erklärungen, bewertet sie und aktualisiert die Policy damit.</translation>
    </message>
    <message>
        <source>Rollouts per iteration</source>
        <translation>Rollouts pro Iteration</translation>
    </message>
    <message>
        <source>Explanations sampled (one per incident) and scored in each iteration. More gives steadier updates but slower iterations.</source>
        <translation>Pro Iteration erzeugte (eine pro Vorfall) und bewertete Erklärungen. Mehr ergibt stabilere Updates, aber langsamere Iterationen.</translation>
    </message>
    <message>
        <source>Mini-batches</source>
        <translation>Mini-Batches</translation>
    </message>
    <message>
        <source>Each iteration&apos;s rollouts are split into this many gradient steps per PPO epoch.</source>
        <translation>Die Rollouts jeder Iteration werden pro PPO-Epoche auf so viele Gradientenschritte aufgeteilt.</translation>
    </message>
    <message>
        <source>PPO epochs</source>
        <translation>PPO-Epochen</translation>
    </message>
    <message>
        <source>Passes over each iteration&apos;s rollouts. More squeezes more out of each batch but drifts further from the sampling policy (watch policy/clipfrac).</source>
        <translation>Durchläufe über die Rollouts jeder Iteration. Mehr holt mehr aus jedem Batch heraus, entfernt sich aber weiter von der Sampling-Policy (policy/clipfrac beobachten).</translation>
    </message>
    <message>
        <source>AdamW step size for the LoRA adapter and the value head (constant). On lab-tiny 3e-4 hardly moves the policy in 30 iterations; 1.5e-3 raises the reward within 20 with the KL still far below the guard.</source>
        <translation>AdamW-Schrittweite für den LoRA-Adapter und den Value-Head (konstant). Auf lab-tiny bewegt 3e-4 die Policy in 30 Iterationen kaum; 1.5e-3 steigert die Belohnung innerhalb von 20, während die KL noch weit unter der Schutzregel liegt.</translation>
    </message>
    <message>
        <source>The global gradient norm is clipped to this value before each update.</source>
        <translation>Die globale Gradientennorm wird vor jedem Update auf diesen Wert begrenzt.</translation>
    </message>
    <message>
        <source>AdamW decoupled weight decay on the adapter matrices.</source>
        <translation>Entkoppelter AdamW-Weight-Decay auf den Adapter-Matrizen.</translation>
    </message>
    <message>
        <source>Rank of the adapter matrices: more capacity and more memory.</source>
        <translation>Rang der Adapter-Matrizen: mehr Kapazität und mehr Speicher.</translation>
    </message>
    <message>
        <source>The adapter&apos;s output is scaled by alpha / rank.</source>
        <translation>Die Ausgabe des Adapters wird mit alpha / Rang skaliert.</translation>
    </message>
    <message>
        <source>Adapt the MLP too</source>
        <translation>Auch das MLP anpassen</translation>
    </message>
    <message>
        <source>Also put adapters on the MLP projections (gate, up, down), not only on attention.</source>
        <translation>Adapter auch auf die MLP-Projektionen (gate, up, down) setzen, nicht nur auf die Attention.</translation>
    </message>
    <message>
        <source>Sampling temperature</source>
        <translation>Sampling-Temperatur</translation>
    </message>
    <message>
        <source>Temperature of the rollouts; the policy&apos;s log-probs are taken at the same temperature. Lower explores less.</source>
        <translation>Temperatur der Rollouts; die Log-Wahrscheinlichkeiten der Policy werden bei derselben Temperatur berechnet. Niedriger erkundet weniger.</translation>
    </message>
    <message>
        <source>Response length limit</source>
        <translation>Längenlimit der Antwort</translation>
    </message>
    <message>
        <source>Tokens a rollout may generate; a response cut here without end-of-sequence gets the missing-EOS penalty.</source>
        <translation>Tokens, die ein Rollout erzeugen darf; eine hier ohne End-of-Sequence abgeschnittene Antwort erhält die Strafe für fehlendes EOS.</translation>
    </message>
    <message>
        <source>Missing-EOS penalty</source>
        <translation>Strafe für fehlendes EOS</translation>
    </message>
    <message>
        <source>Subtracted from the reward model&apos;s score of a response that hit the length limit without ending itself (TRL&apos;s missing_eos_penalty).</source>
        <translation>Wird von der Bewertung des Belohnungsmodells für eine Antwort abgezogen, die das Längenlimit erreicht hat, ohne selbst zu enden (missing_eos_penalty in TRL).</translation>
    </message>
    <message>
        <source>Initial KL coefficient</source>
        <translation>Anfänglicher KL-Koeffizient</translation>
    </message>
    <message>
        <source>Weight of the per-token KL penalty against the reference (the base model). Higher keeps the policy closer to it.</source>
        <translation>Gewicht der KL-Strafe pro Token gegenüber der Referenz (dem Basismodell). Höher hält die Policy näher daran.</translation>
    </message>
    <message>
        <source>Adaptive KL</source>
        <translation>Adaptive KL</translation>
    </message>
    <message>
        <source>Adjust the KL coefficient after each iteration towards the KL target (Ziegler et al.); off: it stays fixed.</source>
        <translation>Den KL-Koeffizienten nach jeder Iteration in Richtung des KL-Ziels anpassen (Ziegler et al.); aus: er bleibt fest.</translation>
    </message>
    <message>
        <source>KL target</source>
        <translation>KL-Ziel</translation>
    </message>
    <message>
        <source>Per-response KL (nats) the adaptive controller steers towards.</source>
        <translation>KL pro Antwort (nats), auf die der adaptive Regler hinsteuert.</translation>
    </message>
    <message>
        <source>KL horizon</source>
        <translation>KL-Horizont</translation>
    </message>
    <message>
        <source>Responses over which the adaptive controller corrects the coefficient; smaller reacts faster.</source>
        <translation>Antworten, über die der adaptive Regler den Koeffizienten korrigiert; kleiner reagiert schneller.</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>Diskontierung</translation>
    </message>
    <message>
        <source>Discount of future rewards within a response (GAE gamma).</source>
        <translation>Diskontierung zukünftiger Belohnungen innerhalb einer Antwort (GAE gamma).</translation>
    </message>
    <message>
        <source>GAE lambda</source>
        <translation>GAE lambda</translation>
    </message>
    <message>
        <source>Bias/variance trade-off of the advantage estimate.</source>
        <translation>Bias-Varianz-Abwägung der Advantage-Schätzung.</translation>
    </message>
    <message>
        <source>Policy clip range</source>
        <translation>Policy-Clip-Bereich</translation>
    </message>
    <message>
        <source>PPO clips the probability ratio to 1 +/- this.</source>
        <translation>PPO begrenzt das Wahrscheinlichkeitsverhältnis auf 1 +/- diesen Wert.</translation>
    </message>
    <message>
        <source>Value clip range</source>
        <translation>Value-Clip-Bereich</translation>
    </message>
    <message>
        <source>The value head&apos;s new estimate may move at most this far from the old one in the clipped loss.</source>
        <translation>Die neue Schätzung des Value-Heads darf sich im geclippten Verlust höchstens so weit von der alten entfernen.</translation>
    </message>
    <message>
        <source>Value loss weight</source>
        <translation>Gewicht des Value-Verlusts</translation>
    </message>
    <message>
        <source>Weight of the value head&apos;s loss in the total loss.</source>
        <translation>Gewicht des Verlusts des Value-Heads im Gesamtverlust.</translation>
    </message>
    <message>
        <source>Value head start</source>
        <translation>Start des Value-Heads</translation>
    </message>
    <message>
        <source>zeros: the value head starts at 0; reward_model: it starts from the reward model&apos;s score head (same hidden size needed).</source>
        <translation>zeros: Der Value-Head startet bei 0; reward_model: Er startet vom Score-Head des Belohnungsmodells (gleiche Hidden Size erforderlich).</translation>
    </message>
    <message>
        <source>Value loss trains the adapter</source>
        <translation>Value-Verlust trainiert den Adapter</translation>
    </message>
    <message>
        <source>Let the value loss&apos;s gradient flow into the shared LoRA adapter (TRL&apos;s shared-backbone value head); off: it trains the value head only.</source>
        <translation>Den Gradienten des Value-Verlusts in den gemeinsamen LoRA-Adapter fließen lassen (Value-Head mit gemeinsamem Backbone wie in TRL); aus: Er trainiert nur den Value-Head.</translation>
    </message>
    <message>
        <source>Reward model folder</source>
        <translation>Ordner des Belohnungsmodells</translation>
    </message>
    <message>
        <source>Score with this reward model folder instead of the project&apos;s current one (the output of its newest finished reward run).</source>
        <translation>Mit dem Belohnungsmodell in diesem Ordner bewerten statt mit dem aktuellen des Projekts (der Ausgabe seines neuesten abgeschlossenen Belohnungslaufs).</translation>
    </message>
    <message>
        <source>Seeds the adapter&apos;s initial weights, the prompt order, the sampling and the mini-batch order.</source>
        <translation>Startwert für die Anfangsgewichte des Adapters, die Prompt-Reihenfolge, das Sampling und die Mini-Batch-Reihenfolge.</translation>
    </message>
    <message>
        <source>Iterations between checkpoints (one is always written at the end and when stopped).</source>
        <translation>Iterationen zwischen Checkpoints (am Ende und beim Stoppen wird immer einer geschrieben).</translation>
    </message>
    <message>
        <source>KL guard</source>
        <translation>KL-Schutzregel</translation>
    </message>
    <message>
        <source>Pause the run when the mean per-response KL to the base model exceeds this (nats); 0 turns the guard off.</source>
        <translation>Den Lauf pausieren, wenn die mittlere KL pro Antwort zum Basismodell diesen Wert (nats) überschreitet; 0 schaltet die Schutzregel aus.</translation>
    </message>
    <message>
        <source>Entropy guard</source>
        <translation>Entropie-Schutzregel</translation>
    </message>
    <message>
        <source>Pause the run when the policy&apos;s mean token entropy falls below this (nats): it has collapsed onto a few tokens. 0 turns the guard off.</source>
        <translation>Den Lauf pausieren, wenn die mittlere Token-Entropie der Policy unter diesen Wert (nats) fällt: Sie ist auf wenige Tokens kollabiert. 0 schaltet die Schutzregel aus.</translation>
    </message>
</context>
<context>
    <name>lab::TrainingChart</name>
    <message>
        <source>step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>Hover a line for its values; right-click to save this chart as PNG</source>
        <translation>Für Werte mit der Maus über eine Linie fahren; Rechtsklick speichert dieses Diagramm als PNG</translation>
    </message>
    <message>
        <source>%1
step %2: %3</source>
        <translation>%1
Schritt %2: %3</translation>
    </message>
    <message>
        <source>Save Chart as PNG…</source>
        <translation>Diagramm als PNG speichern…</translation>
    </message>
</context>
<context>
    <name>lab::TrainingCharts</name>
    <message>
        <source>Loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>Genauigkeit</translation>
    </message>
    <message>
        <source>Rewards</source>
        <translation>Belohnungen</translation>
    </message>
    <message>
        <source>Log-probabilities</source>
        <translation>Log-Wahrscheinlichkeiten</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Punktzahl</translation>
    </message>
    <message>
        <source>KL divergence</source>
        <translation>KL-Divergenz</translation>
    </message>
    <message>
        <source>KL coefficient</source>
        <translation>KL-Koeffizient</translation>
    </message>
    <message>
        <source>Entropy</source>
        <translation>Entropie</translation>
    </message>
    <message>
        <source>Response length</source>
        <translation>Antwortlänge</translation>
    </message>
    <message>
        <source>Policy loss</source>
        <translation>Policy-Verlust</translation>
    </message>
    <message>
        <source>Value loss</source>
        <translation>Value-Verlust</translation>
    </message>
    <message>
        <source>Clip fraction</source>
        <translation>Clip-Anteil</translation>
    </message>
    <message>
        <source>Explained variance</source>
        <translation>Erklärte Varianz</translation>
    </message>
    <message>
        <source>The charts appear here with the first logged step of a run.
Select a run in the list to see its charts.</source>
        <translation>Die Diagramme erscheinen hier mit dem ersten protokollierten Schritt eines Laufs.
Einen Lauf in der Liste auswählen, um seine Diagramme zu sehen.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>There is no chart to save yet.</source>
        <translation>Es gibt noch kein Diagramm zum Speichern.</translation>
    </message>
    <message>
        <source>Cannot write the picture %1.</source>
        <translation>Das Bild %1 kann nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>There is no chart to save.</source>
        <translation>Es gibt kein Diagramm zum Speichern.</translation>
    </message>
</context>
<context>
    <name>lab::TrainingForm</name>
    <message>
        <source>This trainer has no settings to show.</source>
        <translation>Dieser Trainer hat keine Einstellungen zum Anzeigen.</translation>
    </message>
    <message>
        <source>More settings</source>
        <translation>Weitere Einstellungen</translation>
    </message>
    <message>
        <source>Show the settings one rarely changes</source>
        <translation>Selten geänderte Einstellungen anzeigen</translation>
    </message>
    <message>
        <source>Restore defaults</source>
        <translation>Standardwerte wiederherstellen</translation>
    </message>
    <message>
        <source>Put every setting back to the trainer&apos;s default</source>
        <translation>Alle Einstellungen auf die Standardwerte des Trainers zurücksetzen</translation>
    </message>
    <message>
        <source>&lt;p&gt;Default: %1&lt;/p&gt;</source>
        <translation>&lt;p&gt;Standard: %1&lt;/p&gt;</translation>
    </message>
    <message>
        <source>on</source>
        <translation>ein</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>&lt;p&gt;Default: %1 (from %2 to %3)&lt;/p&gt;</source>
        <translation>&lt;p&gt;Standard: %1 (von %2 bis %3)&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Fewer settings</source>
        <translation>Weniger Einstellungen</translation>
    </message>
</context>
<context>
    <name>lab::TrainingView</name>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>Save Chart</source>
        <translation>Diagramm speichern</translation>
    </message>
    <message>
        <source>PNG pictures (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <source>&lt;b&gt;Metrics&lt;/b&gt;</source>
        <translation>&lt;b&gt;Metriken&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>Pausing after this step…</source>
        <translation>Pause nach diesem Schritt…</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <source>Paused: the run waits between two steps. Resume continues it.</source>
        <translation>Pausiert: Der Lauf wartet zwischen zwei Schritten. „Fortsetzen“ setzt ihn fort.</translation>
    </message>
    <message>
        <source>Stopping: writing a checkpoint…</source>
        <translation>Wird gestoppt: Checkpoint wird geschrieben…</translation>
    </message>
    <message>
        <source>Run %1 started</source>
        <translation>Lauf %1 gestartet</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <source>Start a new run with these settings</source>
        <translation>Einen neuen Lauf mit diesen Einstellungen starten</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pausieren</translation>
    </message>
    <message>
        <source>Hold the run between two steps (nothing is lost)</source>
        <translation>Den Lauf zwischen zwei Schritten anhalten (nichts geht verloren)</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <source>Continue the paused run, or the selected stopped run from its last checkpoint</source>
        <translation>Den pausierten Lauf fortsetzen oder den ausgewählten gestoppten Lauf ab seinem letzten Checkpoint</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>S&amp;toppen</translation>
    </message>
    <message>
        <source>End the run after this step; a checkpoint is written and it can be resumed</source>
        <translation>Den Lauf nach diesem Schritt beenden; ein Checkpoint wird geschrieben und er kann fortgesetzt werden</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <source>Save every point of every metric of this run as step,name,value</source>
        <translation>Jeden Punkt jeder Metrik dieses Laufs als step,name,value speichern</translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation>PNG exportieren…</translation>
    </message>
    <message>
        <source>Save all charts as one picture (right-click a chart to save only that one)</source>
        <translation>Alle Diagramme als ein Bild speichern (Rechtsklick auf ein Diagramm speichert nur dieses)</translation>
    </message>
    <message>
        <source>&amp;Trainer:</source>
        <translation>&amp;Trainer:</translation>
    </message>
    <message>
        <source>Learns to score explanations the way the votes do (needed by PPO)</source>
        <translation>Lernt, Erklärungen so zu bewerten, wie es die Stimmen tun (für PPO erforderlich)</translation>
    </message>
    <message>
        <source>Direct preference optimisation: trains a LoRA adapter on the voted pairs</source>
        <translation>Direct Preference Optimization: trainiert einen LoRA-Adapter auf den bewerteten Paaren</translation>
    </message>
    <message>
        <source>Reinforcement learning against the reward model, with a KL leash to the base model</source>
        <translation>Reinforcement Learning gegen das Belohnungsmodell, mit einer KL-Bindung an das Basismodell</translation>
    </message>
    <message>
        <source>step %v of %m</source>
        <translation>Schritt %v von %m</translation>
    </message>
    <message>
        <source>Use these settings</source>
        <translation>Diese Einstellungen verwenden</translation>
    </message>
    <message>
        <source>Start from this run&apos;s settings for a new run</source>
        <translation>Mit den Einstellungen dieses Laufs einen neuen Lauf beginnen</translation>
    </message>
    <message>
        <source>New run</source>
        <translation>Neuer Lauf</translation>
    </message>
    <message>
        <source>Back to a new run with the trainer&apos;s defaults</source>
        <translation>Zurück zu einem neuen Lauf mit den Standardwerten des Trainers</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Votes to train on</source>
        <translation>Stimmen für das Training</translation>
    </message>
    <message>
        <source>Only votes by</source>
        <translation>Nur Stimmen von</translation>
    </message>
    <message>
        <source>Only votes since</source>
        <translation>Nur Stimmen seit</translation>
    </message>
    <message>
        <source>Neither: every A/B vote. Ties, both-bad and skips never make a pair.</source>
        <translation>Keines von beiden: jede A/B-Stimme. Unentschieden, „beide schlecht“ und Übersprungenes ergeben nie ein Paar.</translation>
    </message>
    <message>
        <source>Which votes make the training pairs: everyone&apos;s, one annotator&apos;s, or only recent ones</source>
        <translation>Welche Stimmen die Trainingspaare bilden: die aller, die eines Annotators oder nur neuere</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <source>Select a run to see its charts and settings</source>
        <translation>Einen Lauf auswählen, um seine Diagramme und Einstellungen zu sehen</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>Stages, checkpoints, evaluations and guard trips of the run appear here.</source>
        <translation>Phasen, Checkpoints, Auswertungen und ausgelöste Schutzregeln des Laufs erscheinen hier.</translation>
    </message>
    <message>
        <source>Open a project with votes to train on</source>
        <translation>Ein Projekt mit Stimmen zum Trainieren öffnen</translation>
    </message>
    <message>
        <source>Press &quot;Use these settings&quot; or &quot;New run&quot; first: the settings shown are run %1&apos;s</source>
        <translation>Zuerst „Diese Einstellungen verwenden“ oder „Neuer Lauf“ drücken: Die angezeigten Einstellungen gehören zu Lauf %1</translation>
    </message>
    <message>
        <source>Start (%1)</source>
        <translation>Starten (%1)</translation>
    </message>
    <message>
        <source>Starting %1 training on %2</source>
        <translation>Training (%1) wird gestartet mit %2</translation>
    </message>
    <message>
        <source>loading the model and the votes…</source>
        <translation>Modell und Stimmen werden geladen…</translation>
    </message>
    <message>
        <source>Resumed</source>
        <translation>Fortgesetzt</translation>
    </message>
    <message>
        <source>Resuming run %1 from its last checkpoint</source>
        <translation>Lauf %1 wird ab seinem letzten Checkpoint fortgesetzt</translation>
    </message>
    <message>
        <source>Stop asked: the run ends after this step and writes a checkpoint</source>
        <translation>Stopp angefordert: Der Lauf endet nach diesem Schritt und schreibt einen Checkpoint</translation>
    </message>
    <message>
        <source>%1 elapsed</source>
        <translation>%1 vergangen</translation>
    </message>
    <message>
        <source> · about %1 left</source>
        <translation> · noch etwa %1</translation>
    </message>
    <message>
        <source>Run %1 finished after %2 steps in %3</source>
        <translation>Lauf %1 nach %2 Schritten in %3 abgeschlossen</translation>
    </message>
    <message>
        <source>; adapter %1 is now active</source>
        <translation>; Adapter %1 ist jetzt aktiv</translation>
    </message>
    <message>
        <source>; adapter %1 was saved</source>
        <translation>; Adapter %1 wurde gespeichert</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Run %1 stopped at step %2; a checkpoint was written, Resume continues it</source>
        <translation>Lauf %1 bei Schritt %2 gestoppt; ein Checkpoint wurde geschrieben, „Fortsetzen“ setzt ihn fort</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Gestoppt</translation>
    </message>
    <message>
        <source>Run %1 paused by a guard at step %2: %3. Resume continues from the last checkpoint.</source>
        <translation>Lauf %1 bei Schritt %2 durch eine Schutzregel pausiert: %3. „Fortsetzen“ setzt ab dem letzten Checkpoint fort.</translation>
    </message>
    <message>
        <source>Paused by a guard</source>
        <translation>Durch Schutzregel pausiert</translation>
    </message>
    <message>
        <source>Run %1 failed: %2</source>
        <translation>Lauf %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1 in all</source>
        <translation>%1 insgesamt</translation>
    </message>
    <message>
        <source>Training could not run: %1</source>
        <translation>Training konnte nicht ausgeführt werden: %1</translation>
    </message>
    <message>
        <source>info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source> step %1</source>
        <translation> Schritt %1</translation>
    </message>
    <message>
        <source>Run %1 is training; its charts stay shown until it ends</source>
        <translation>Lauf %1 trainiert; seine Diagramme bleiben bis zum Ende angezeigt</translation>
    </message>
    <message>
        <source>Run %1 · %2 · %3 · %4 · %5 points</source>
        <translation>Lauf %1 · %2 · %3 · %4 · %5 Punkte</translation>
    </message>
    <message>
        <source>run-%1-metrics.csv</source>
        <translation>lauf-%1-metriken.csv</translation>
    </message>
    <message>
        <source>metrics.csv</source>
        <translation>metriken.csv</translation>
    </message>
    <message>
        <source>Export Metrics</source>
        <translation>Metriken exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Saved %1 points to %2</source>
        <translation>%1 Punkte in %2 gespeichert</translation>
    </message>
    <message>
        <source>run-%1-charts.png</source>
        <translation>lauf-%1-diagramme.png</translation>
    </message>
    <message>
        <source>charts.png</source>
        <translation>diagramme.png</translation>
    </message>
    <message>
        <source>Export Charts</source>
        <translation>Diagramme exportieren</translation>
    </message>
</context>
<context>
    <name>lab::VoteHistoryModel</name>
    <message>
        <source>👍 A better</source>
        <translation>👍 A besser</translation>
    </message>
    <message>
        <source>👍 B better</source>
        <translation>👍 B besser</translation>
    </message>
    <message>
        <source>Tie</source>
        <translation>Unentschieden</translation>
    </message>
    <message>
        <source>👎 Both bad</source>
        <translation>👎 Beide schlecht</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Übersprungen</translation>
    </message>
    <message>
        <source>Root cause right</source>
        <translation>Grundursache richtig</translation>
    </message>
    <message>
        <source>Blames a symptom</source>
        <translation>Benennt ein Symptom</translation>
    </message>
    <message>
        <source>Blames noise</source>
        <translation>Benennt Rauschen</translation>
    </message>
    <message>
        <source>Hallucination</source>
        <translation>Halluzination</translation>
    </message>
    <message>
        <source>Unsafe action</source>
        <translation>Unsichere Aktion</translation>
    </message>
    <message>
        <source>Too verbose</source>
        <translation>Zu ausführlich</translation>
    </message>
    <message>
        <source>Generic</source>
        <translation>Zu allgemein</translation>
    </message>
    <message>
        <source>Pair %1 — activate to see it again and change the vote</source>
        <translation>Paar %1 — aktivieren, um es erneut anzuzeigen und die Stimme zu ändern</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Urteil</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Pair</source>
        <translation>Paar</translation>
    </message>
</context>
<context>
    <name>lab::VoteHistoryWorker</name>
    <message>
        <source>database %1: cannot read the vote history: %2</source>
        <translation>Datenbank %1: Bewertungsverlauf kann nicht gelesen werden: %2</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Read logs, vote on explanations, align a model.</source>
        <translation>Logs lesen, über Erklärungen abstimmen, ein Modell ausrichten.</translation>
    </message>
    <message>
        <source>Logs or project files (.lab) to open.</source>
        <translation>Zu öffnende Logs oder Projektdateien (.lab).</translation>
    </message>
    <message>
        <source>Save a picture of the window once loaded, then quit.</source>
        <translation>Nach dem Laden ein Bild des Fensters speichern, dann beenden.</translation>
    </message>
    <message>
        <source>Search the opened log for this regular expression.</source>
        <translation>Das geöffnete Log nach diesem regulären Ausdruck durchsuchen.</translation>
    </message>
    <message>
        <source>Slow matrix products</source>
        <translation>Langsame Matrixprodukte</translation>
    </message>
    <message>
        <source>Open the demo project, building it from the bundled synthetic incidents first if needed.</source>
        <translation>Das Demoprojekt öffnen und es bei Bedarf zuerst aus den mitgelieferten synthetischen Vorfällen erstellen.</translation>
    </message>
</context>
</TS>
