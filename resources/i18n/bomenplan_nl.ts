<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL" sourcelanguage="nl_NL">
<context>
    <name />
    <message>
        <source>Soort toevoegen</source>
        <translation>Soort toevoegen</translation>
    </message>
    <message>
        <source>Wetenschappelijke naam</source>
        <translation>Wetenschappelijke naam</translation>
    </message>
    <message>
        <source>Cultivar (zonder aanhalingstekens)</source>
        <translation>Cultivar (zonder aanhalingstekens)</translation>
    </message>
    <message>
        <source>Nederlandse naam</source>
        <translation>Nederlandse naam</translation>
    </message>
    <message>
        <source>Familie</source>
        <translation>Familie</translation>
    </message>
    <message>
        <source>Grootteklasse</source>
        <translation>Grootteklasse</translation>
    </message>
    <message>
        <source>(leeg)</source>
        <translation>(leeg)</translation>
    </message>
    <message>
        <source>Soorten in het register die de catalogus niet kent</source>
        <translation>Soorten in het register die de catalogus niet kent</translation>
    </message>
    <message>
        <source>Koppelen</source>
        <translation>Koppelen</translation>
    </message>
    <message>
        <source>Koppel aan</source>
        <translation>Koppel aan</translation>
    </message>
    <message>
        <source>%1 namen, %2 bomen zonder catalogussoort</source>
        <translation>%1 namen, %2 bomen zonder catalogussoort</translation>
    </message>
    <message>
        <source>%1 gekoppeld: %2</source>
        <translation>%1 gekoppeld: %2</translation>
    </message>
    <message>
        <source>boom</source>
        <translation>boom</translation>
    </message>
    <message>
        <source>bomen</source>
        <translation>bomen</translation>
    </message>
    <message>
        <source>Soortnaam koppelen…</source>
        <translation>Soortnaam koppelen…</translation>
    </message>
    <message>
        <source>&amp;Soorten</source>
        <translation>&amp;Soorten</translation>
    </message>
    <message>
        <source>Soortencatalogus…</source>
        <translation>Soortencatalogus…</translation>
    </message>
    <message>
        <source>Diversiteit 10-20-30…</source>
        <translation>Diversiteit 10-20-30…</translation>
    </message>
    <message>
        <source>Onbekende soorten in het register…</source>
        <translation>Onbekende soorten in het register…</translation>
    </message>
    <message>
        <source>Ecologische score</source>
        <translation>Ecologische score</translation>
    </message>
    <message>
        <source>Inheems / ingeburgerd / exoot</source>
        <translation>Inheems / ingeburgerd / exoot</translation>
    </message>
    <message>
        <source>Statistiek</source>
        <translation>Statistiek</translation>
    </message>
    <message>
        <source>Ecoscore</source>
        <translation>Ecoscore</translation>
    </message>
    <message>
        <source>Inheems/exoot</source>
        <translation>Inheems/exoot</translation>
    </message>
    <message>
        <source>Selectie</source>
        <translation>Selectie</translation>
    </message>
    <message>
        <source>Zichtbare bomen</source>
        <translation>Zichtbare bomen</translation>
    </message>
    <message>
        <source>Soortencatalogus</source>
        <translation>Soortencatalogus</translation>
    </message>
    <message>
        <source>Diversiteit (Santamour 10-20-30)</source>
        <translation>Diversiteit (Santamour 10-20-30)</translation>
    </message>
    <message>
        <source>hele bestand</source>
        <translation>hele bestand</translation>
    </message>
    <message>
        <source>Berekenen</source>
        <translation>Berekenen</translation>
    </message>
    <message>
        <source>grootste aandeel (%)</source>
        <translation>grootste aandeel (%)</translation>
    </message>
    <message>
        <source>Wat als…</source>
        <translation>Wat als…</translation>
    </message>
    <message>
        <source>Groep</source>
        <translation>Groep</translation>
    </message>
    <message>
        <source>Soort</source>
        <translation>Soort</translation>
    </message>
    <message>
        <source>Aantal te planten</source>
        <translation>Aantal te planten</translation>
    </message>
    <message>
        <source>%1 groepen, %2 met overschrijding van 10-20-30</source>
        <translation>%1 groepen, %2 met overschrijding van 10-20-30</translation>
    </message>
    <message>
        <source>Overschrijdingen na planten: </source>
        <translation>Overschrijdingen na planten: </translation>
    </message>
    <message>
        <source>Na planten voldoet de groep aan 10-20-30.</source>
        <translation>Na planten voldoet de groep aan 10-20-30.</translation>
    </message>
    <message>
        <source>Zoek op wetenschappelijke of Nederlandse naam, familie…</source>
        <translation>Zoek op wetenschappelijke of Nederlandse naam, familie…</translation>
    </message>
    <message>
        <source>Soort toevoegen…</source>
        <translation>Soort toevoegen…</translation>
    </message>
    <message>
        <source>CSV importeren…</source>
        <translation>CSV importeren…</translation>
    </message>
    <message>
        <source>CSV exporteren…</source>
        <translation>CSV exporteren…</translation>
    </message>
    <message>
        <source>%1 soorten in de catalogus</source>
        <translation>%1 soorten in de catalogus</translation>
    </message>
    <message>
        <source>Geef de bron van de nieuwe waarde op.</source>
        <translation>Geef de bron van de nieuwe waarde op.</translation>
    </message>
    <message>
        <source>%1 opgeslagen</source>
        <translation>%1 opgeslagen</translation>
    </message>
    <message>
        <source>Catalogus importeren</source>
        <translation>Catalogus importeren</translation>
    </message>
    <message>
        <source>%1 toegevoegd, %2 bijgewerkt</source>
        <translation>%1 toegevoegd, %2 bijgewerkt</translation>
    </message>
    <message>
        <source>Catalogus importeren…</source>
        <translation>Catalogus importeren…</translation>
    </message>
    <message>
        <source>Import mislukt, niets opgeslagen: %1</source>
        <translation>Import mislukt, niets opgeslagen: %1</translation>
    </message>
    <message>
        <source>Catalogus exporteren</source>
        <translation>Catalogus exporteren</translation>
    </message>
    <message>
        <source>%1 soorten geëxporteerd naar %2</source>
        <translation>%1 soorten geëxporteerd naar %2</translation>
    </message>
    <message>
        <source>punten</source>
        <translation>punten</translation>
    </message>
    <message>
        <source>verplicht, bijv. 'Imkerpedia 2026' of 'eigen waarneming'</source>
        <translation>verplicht, bijv. 'Imkerpedia 2026' of 'eigen waarneming'</translation>
    </message>
    <message>
        <source>Wijzigen</source>
        <translation>Wijzigen</translation>
    </message>
    <message>
        <source>Veld</source>
        <translation>Veld</translation>
    </message>
    <message>
        <source>Nieuwe waarde</source>
        <translation>Nieuwe waarde</translation>
    </message>
    <message>
        <source>Bron</source>
        <translation>Bron</translation>
    </message>
    <message>
        <source>Ecologische score: &lt;b&gt;%1&lt;/b&gt; van 100 (gewichten %2)</source>
        <translation>Ecologische score: &lt;b&gt;%1&lt;/b&gt; van 100 (gewichten %2)</translation>
    </message>
    <message>
        <source>Geslacht / familie</source>
        <translation>Geslacht / familie</translation>
    </message>
    <message>
        <source>Kroon / levensduur</source>
        <translation>Kroon / levensduur</translation>
    </message>
    <message>
        <source>Bloei</source>
        <translation>Bloei</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Eikenprocessierups</source>
        <translation>Eikenprocessierups</translation>
    </message>
    <message>
        <source>waardboom</source>
        <translation>waardboom</translation>
    </message>
    <message>
        <source>nee</source>
        <translation>nee</translation>
    </message>
    <message>
        <source>Allergeen stuifmeel</source>
        <translation>Allergeen stuifmeel</translation>
    </message>
    <message>
        <source>ja</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>Tolerantie droog/hitte/verharding/zout/nat</source>
        <translation>Tolerantie droog/hitte/verharding/zout/nat</translation>
    </message>
    <message>
        <source>Klimaat Assen nu / 2050 (0-3)</source>
        <translation>Klimaat Assen nu / 2050 (0-3)</translation>
    </message>
    <message>
        <source> (vorsttoets: winterhardheidszone %1)</source>
        <translation> (vorsttoets: winterhardheidszone %1)</translation>
    </message>
    <message>
        <source>Insecten</source>
        <translation>Insecten</translation>
    </message>
    <message>
        <source>Bronnen</source>
        <translation>Bronnen</translation>
    </message>
    <message>
        <source>aantal bomen</source>
        <translation>aantal bomen</translation>
    </message>
    <message>
        <source>Soortenmix</source>
        <translation>Soortenmix</translation>
    </message>
    <message>
        <source>Leeftijd (uit plantjaar)</source>
        <translation>Leeftijd (uit plantjaar)</translation>
    </message>
    <message>
        <source>Hoogteklasse</source>
        <translation>Hoogteklasse</translation>
    </message>
    <message>
        <source>(onbekend)</source>
        <translation>(onbekend)</translation>
    </message>
    <message>
        <source>onbekend</source>
        <translation>onbekend</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Gemiddelde ecologische score: %1 (%2 bomen met bekende soort)</source>
        <translation>Gemiddelde ecologische score: %1 (%2 bomen met bekende soort)</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Register</translation>
    </message>
    <message>
        <source>Lanen</source>
        <translation>Lanen</translation>
    </message>
    <message>
        <source>Meldingen</source>
        <translation>Meldingen</translation>
    </message>
    <message>
        <source>Soorten</source>
        <translation>Soorten</translation>
    </message>
    <message>
        <source>Bomenbank</source>
        <translation>Bomenbank</translation>
    </message>
    <message>
        <source>Standplaats</source>
        <translation>Standplaats</translation>
    </message>
</context>
<context>
    <name>BomenbankScreen</name>
    <message>
        <source>Bank en voorstellen</source>
        <translation>Bank en voorstellen</translation>
    </message>
    <message>
        <source>Transplantiefonds</source>
        <translation>Transplantiefonds</translation>
    </message>
    <message>
        <source>Bomenbank</source>
        <translation>Bomenbank</translation>
    </message>
    <message>
        <source>&amp;Bomenbank</source>
        <translation>&amp;Bomenbank</translation>
    </message>
    <message>
        <source>Voorstellen vernieuwen</source>
        <translation>Voorstellen vernieuwen</translation>
    </message>
    <message>
        <source>Geselecteerde verplantbare bomen opnemen</source>
        <translation>Geselecteerde verplantbare bomen opnemen</translation>
    </message>
    <message>
        <source>Bomen importeren uit CSV…</source>
        <translation>Bomen importeren uit CSV…</translation>
    </message>
    <message>
        <source>Voorstellen exporteren (CSV)…</source>
        <translation>Voorstellen exporteren (CSV)…</translation>
    </message>
    <message>
        <source>Lijst bomenbank (PDF)…</source>
        <translation>Lijst bomenbank (PDF)…</translation>
    </message>
    <message>
        <source>Verplantplan per wijk (PDF)…</source>
        <translation>Verplantplan per wijk (PDF)…</translation>
    </message>
    <message>
        <source>Fondsoverzicht dit jaar (PDF)…</source>
        <translation>Fondsoverzicht dit jaar (PDF)…</translation>
    </message>
    <message>
        <source>Reserveren en planten</source>
        <translation>Reserveren en planten</translation>
    </message>
    <message>
        <source>De gekozen bankboom wordt een boom in het register op de gatpositie; ongedaan maken herstelt alles</source>
        <translation>De gekozen bankboom wordt een boom in het register op de gatpositie; ongedaan maken herstelt alles</translation>
    </message>
    <message>
        <source>Reserveren</source>
        <translation>Reserveren</translation>
    </message>
    <message>
        <source>Gereserveerde boom planten</source>
        <translation>Gereserveerde boom planten</translation>
    </message>
    <message>
        <source>Plant de in de bovenste tabel gekozen, gereserveerde boom op de positie waarvoor hij is gereserveerd</source>
        <translation>Plant de in de bovenste tabel gekozen, gereserveerde boom op de positie waarvoor hij is gereserveerd</translation>
    </message>
    <message>
        <source>Vernieuwen</source>
        <translation>Vernieuwen</translation>
    </message>
    <message>
        <source>Laan:</source>
        <translation>Laan:</translation>
    </message>
    <message>
        <source>Bomenbank koppelen aan gaten</source>
        <translation>Bomenbank koppelen aan gaten</translation>
    </message>
    <message>
        <source>Transplantiefonds laden</source>
        <translation>Transplantiefonds laden</translation>
    </message>
    <message>
        <source>Bomenpaspoort %1: </source>
        <translation>Bomenpaspoort %1: </translation>
    </message>
    <message>
        <source>%1 voorstellen voor %2 open posities</source>
        <translation>%1 voorstellen voor %2 open posities</translation>
    </message>
    <message>
        <source>Selecteer eerst verplantbare bomen in het register.</source>
        <translation>Selecteer eerst verplantbare bomen in het register.</translation>
    </message>
    <message>
        <source>Bomen opnemen in de bomenbank</source>
        <translation>Bomen opnemen in de bomenbank</translation>
    </message>
    <message>
        <source>Bomen importeren</source>
        <translation>Bomen importeren</translation>
    </message>
    <message>
        <source>Bomenbank importeren</source>
        <translation>Bomenbank importeren</translation>
    </message>
    <message>
        <source>%1 opgenomen in de bomenbank</source>
        <translation>%1 opgenomen in de bomenbank</translation>
    </message>
    <message>
        <source>boom</source>
        <translation>boom</translation>
    </message>
    <message>
        <source>bomen</source>
        <translation>bomen</translation>
    </message>
    <message>
        <source>Kies eerst een voorstel.</source>
        <translation>Kies eerst een voorstel.</translation>
    </message>
    <message>
        <source>Kies eerst een gereserveerde boom in de bovenste tabel.</source>
        <translation>Kies eerst een gereserveerde boom in de bovenste tabel.</translation>
    </message>
    <message>
        <source>Voorstellen exporteren</source>
        <translation>Voorstellen exporteren</translation>
    </message>
    <message>
        <source>Lijst bomenbank</source>
        <translation>Lijst bomenbank</translation>
    </message>
    <message>
        <source>Verplantplan</source>
        <translation>Verplantplan</translation>
    </message>
    <message>
        <source>Fondsoverzicht</source>
        <translation>Fondsoverzicht</translation>
    </message>
</context>
<context>
    <name>ColumnMappingDialog</name>
    <message>
        <source>Kolommen koppelen — {0}</source>
        <translation>Kolommen koppelen — {0}</translation>
    </message>
    <message>
        <source>— niet gebruiken —</source>
        <translation>— niet gebruiken —</translation>
    </message>
    <message>
        <source>bijv. EPSG:28992 (RD New) of EPSG:4326 (WGS84)</source>
        <translation>bijv. EPSG:28992 (RD New) of EPSG:4326 (WGS84)</translation>
    </message>
    <message>
        <source>x en y verwisselen</source>
        <translation>x en y verwisselen</translation>
    </message>
    <message>
        <source>map met nl_nsgi_rdtrans2018.tif (optioneel)</source>
        <translation>map met nl_nsgi_rdtrans2018.tif (optioneel)</translation>
    </message>
    <message>
        <source>Bladeren…</source>
        <translation>Bladeren…</translation>
    </message>
    <message>
        <source>Coördinatenstelsel</source>
        <translation>Coördinatenstelsel</translation>
    </message>
    <message>
        <source>PROJ-gridmap</source>
        <translation>PROJ-gridmap</translation>
    </message>
    <message>
        <source>Importeren</source>
        <translation>Importeren</translation>
    </message>
    <message>
        <source>{0} rijen, {1} kolommen. Controleer de koppeling:</source>
        <translation>{0} rijen, {1} kolommen. Controleer de koppeling:</translation>
    </message>
    <message>
        <source>PROJ-gridmap kiezen</source>
        <translation>PROJ-gridmap kiezen</translation>
    </message>
</context>
<context>
    <name>ComplaintIntakeDialog</name>
    <message>
        <source>onbekend</source>
        <translation>onbekend</translation>
    </message>
    <message>
        <source>Nieuwe melding</source>
        <translation>Nieuwe melding</translation>
    </message>
    <message>
        <source>Opslaan en beoordelen</source>
        <translation>Opslaan en beoordelen</translation>
    </message>
    <message>
        <source>Melding</source>
        <translation>Melding</translation>
    </message>
    <message>
        <source>boomnummer(s) of straat, gescheiden door komma's</source>
        <translation>boomnummer(s) of straat, gescheiden door komma's</translation>
    </message>
    <message>
        <source>Geselecteerde bomen op de kaart</source>
        <translation>Geselecteerde bomen op de kaart</translation>
    </message>
    <message>
        <source>geen boom gekoppeld</source>
        <translation>geen boom gekoppeld</translation>
    </message>
    <message>
        <source>Foto's toevoegen… (optioneel)</source>
        <translation>Foto's toevoegen… (optioneel)</translation>
    </message>
    <message>
        <source>Datum</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Kanaal</source>
        <translation>Kanaal</translation>
    </message>
    <message>
        <source>Boom</source>
        <translation>Boom</translation>
    </message>
    <message>
        <source>Categorieën</source>
        <translation>Categorieën</translation>
    </message>
    <message>
        <source>Tekst</source>
        <translation>Tekst</translation>
    </message>
    <message>
        <source>Foto's</source>
        <translation>Foto's</translation>
    </message>
    <message>
        <source>Feiten (aangevuld uit het register)</source>
        <translation>Feiten (aangevuld uit het register)</translation>
    </message>
    <message>
        <source>ja</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>nee</source>
        <translation>nee</translation>
    </message>
    <message>
        <source>uit het register als een boom gekoppeld is</source>
        <translation>uit het register als een boom gekoppeld is</translation>
    </message>
    <message>
        <source>Takken raken gevel of dak (volgens melding)</source>
        <translation>Takken raken gevel of dak (volgens melding)</translation>
    </message>
    <message>
        <source>Struikelgevaar op voet- of fietspad</source>
        <translation>Struikelgevaar op voet- of fietspad</translation>
    </message>
    <message>
        <source>Boom of takken boven weg, stoep of pad</source>
        <translation>Boom of takken boven weg, stoep of pad</translation>
    </message>
    <message>
        <source>hoog (school, speelplek, druk pad)</source>
        <translation>hoog (school, speelplek, druk pad)</translation>
    </message>
    <message>
        <source>laag (bos, natuurgebied)</source>
        <translation>laag (bos, natuurgebied)</translation>
    </message>
    <message>
        <source>Eigenaar boom</source>
        <translation>Eigenaar boom</translation>
    </message>
    <message>
        <source>Afstand takken tot gevel/dak</source>
        <translation>Afstand takken tot gevel/dak</translation>
    </message>
    <message>
        <source>Vrije hoogte boven</source>
        <translation>Vrije hoogte boven</translation>
    </message>
    <message>
        <source>Gemeten vrije hoogte</source>
        <translation>Gemeten vrije hoogte</translation>
    </message>
    <message>
        <source>Dood hout aanwezig</source>
        <translation>Dood hout aanwezig</translation>
    </message>
    <message>
        <source>Locatie</source>
        <translation>Locatie</translation>
    </message>
    <message>
        <source>Soort</source>
        <translation>Soort</translation>
    </message>
    <message>
        <source>Risico van de plek</source>
        <translation>Risico van de plek</translation>
    </message>
    <message>
        <source>Melder (persoonsgegevens, apart bewaard)</source>
        <translation>Melder (persoonsgegevens, apart bewaard)</translation>
    </message>
    <message>
        <source>Naam</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>Adres</source>
        <translation>Adres</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>Postcode</translation>
    </message>
    <message>
        <source>Plaats</source>
        <translation>Plaats</translation>
    </message>
    <message>
        <source>Telefoon</source>
        <translation>Telefoon</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Afbeeldingen (*.jpg *.jpeg *.png *.heic)</source>
        <translation>Afbeeldingen (*.jpg *.jpeg *.png *.heic)</translation>
    </message>
    <message numerus="yes">
        <source>%n foto('s)</source>
        <translation>
            <numerusform>%n foto</numerusform>
            <numerusform>%n foto's</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n boom/bomen gekoppeld</source>
        <translation>
            <numerusform>%n boom gekoppeld</numerusform>
            <numerusform>%n bomen gekoppeld</numerusform>
        </translation>
    </message>
    <message>
        <source>niet meegenomen (ontkend): %1</source>
        <translation>niet meegenomen (ontkend): %1</translation>
    </message>
</context>
<context>
    <name>ComplaintsFeature</name>
    <message>
        <source>Exporteren (CSV)…</source>
        <translation>Exporteren (CSV)…</translation>
    </message>
    <message>
        <source>Overzicht (PDF)…</source>
        <translation>Overzicht (PDF)…</translation>
    </message>
    <message>
        <source>Meldingen</source>
        <translation>Meldingen</translation>
    </message>
    <message>
        <source>&amp;Meldingen</source>
        <translation>&amp;Meldingen</translation>
    </message>
    <message>
        <source>Nieuwe melding…</source>
        <translation>Nieuwe melding…</translation>
    </message>
    <message>
        <source>Criteria…</source>
        <translation>Criteria…</translation>
    </message>
    <message>
        <source>Persoonsgegevens opschonen</source>
        <translation>Persoonsgegevens opschonen</translation>
    </message>
    <message>
        <source>Melding opslaan…</source>
        <translation>Melding opslaan…</translation>
    </message>
    <message>
        <source>Melding</source>
        <translation>Melding</translation>
    </message>
    <message>
        <source>Melding beoordelen…</source>
        <translation>Melding beoordelen…</translation>
    </message>
    <message>
        <source>Melding afhandelen…</source>
        <translation>Melding afhandelen…</translation>
    </message>
    <message>
        <source>Criteria tegen het licht houden…</source>
        <translation>Criteria tegen het licht houden…</translation>
    </message>
    <message>
        <source>Persoonsgegevens</source>
        <translation>Persoonsgegevens</translation>
    </message>
    <message numerus="yes">
        <source>Persoonsgegevens van %n melder(s) gewist.</source>
        <translation>
            <numerusform>Persoonsgegevens van %n melder gewist.</numerusform>
            <numerusform>Persoonsgegevens van %n melders gewist.</numerusform>
        </translation>
    </message>
    <message>
        <source>Persoonsgegevens opschonen…</source>
        <translation>Persoonsgegevens opschonen…</translation>
    </message>
    <message>
        <source>Meldingen exporteren</source>
        <translation>Meldingen exporteren</translation>
    </message>
    <message>
        <source>Overzicht meldingen</source>
        <translation>Overzicht meldingen</translation>
    </message>
</context>
<context>
    <name>ComplaintsOverview</name>
    <message>
        <source>alle meldingen</source>
        <translation>alle meldingen</translation>
    </message>
    <message>
        <source>Toon</source>
        <translation>Toon</translation>
    </message>
    <message>
        <source>status</source>
        <translation>status</translation>
    </message>
    <message>
        <source>categorie</source>
        <translation>categorie</translation>
    </message>
    <message>
        <source>wijk</source>
        <translation>wijk</translation>
    </message>
    <message>
        <source>aantal</source>
        <translation>aantal</translation>
    </message>
    <message>
        <source>nr</source>
        <translation>nr</translation>
    </message>
    <message>
        <source>datum</source>
        <translation>datum</translation>
    </message>
    <message>
        <source>categorieën</source>
        <translation>categorieën</translation>
    </message>
    <message>
        <source>boom</source>
        <translation>boom</translation>
    </message>
    <message>
        <source>besluit</source>
        <translation>besluit</translation>
    </message>
    <message>
        <source>Nieuwe melding…</source>
        <translation>Nieuwe melding…</translation>
    </message>
    <message>
        <source>Beoordeling…</source>
        <translation>Beoordeling…</translation>
    </message>
    <message>
        <source>Afhandelen</source>
        <translation>Afhandelen</translation>
    </message>
    <message>
        <source>Op de kaart</source>
        <translation>Op de kaart</translation>
    </message>
    <message>
        <source>(onbekend)</source>
        <translation>(onbekend)</translation>
    </message>
</context>
<context>
    <name>CriteriaDialog</name>
    <message>
        <source>Criteria bij meldingen</source>
        <translation>Criteria bij meldingen</translation>
    </message>
    <message>
        <source>versie</source>
        <translation>versie</translation>
    </message>
    <message>
        <source>status</source>
        <translation>status</translation>
    </message>
    <message>
        <source>auteur</source>
        <translation>auteur</translation>
    </message>
    <message>
        <source>aangemaakt</source>
        <translation>aangemaakt</translation>
    </message>
    <message>
        <source>vastgesteld</source>
        <translation>vastgesteld</translation>
    </message>
    <message>
        <source>code</source>
        <translation>code</translation>
    </message>
    <message>
        <source>categorie</source>
        <translation>categorie</translation>
    </message>
    <message>
        <source>voorwaarden</source>
        <translation>voorwaarden</translation>
    </message>
    <message>
        <source>besluit</source>
        <translation>besluit</translation>
    </message>
    <message>
        <source>maatregel</source>
        <translation>maatregel</translation>
    </message>
    <message>
        <source>bron</source>
        <translation>bron</translation>
    </message>
    <message>
        <source>Nieuw concept (kopie)…</source>
        <translation>Nieuw concept (kopie)…</translation>
    </message>
    <message>
        <source>Regel toevoegen…</source>
        <translation>Regel toevoegen…</translation>
    </message>
    <message>
        <source>Regel bewerken…</source>
        <translation>Regel bewerken…</translation>
    </message>
    <message>
        <source>Regel verwijderen</source>
        <translation>Regel verwijderen</translation>
    </message>
    <message>
        <source>Vaststellen</source>
        <translation>Vaststellen</translation>
    </message>
    <message>
        <source>Tegen het licht houden…</source>
        <translation>Tegen het licht houden…</translation>
    </message>
    <message>
        <source>altijd</source>
        <translation>altijd</translation>
    </message>
    <message>
        <source>Concept opslaan…</source>
        <translation>Concept opslaan…</translation>
    </message>
    <message>
        <source>Nieuw concept</source>
        <translation>Nieuw concept</translation>
    </message>
    <message>
        <source>Naam van de versie</source>
        <translation>Naam van de versie</translation>
    </message>
    <message>
        <source>Concept maken…</source>
        <translation>Concept maken…</translation>
    </message>
    <message>
        <source>Versie %1 is vastgesteld en geldt nu.</source>
        <translation>Versie %1 is vastgesteld en geldt nu.</translation>
    </message>
    <message>
        <source>Vaststellen niet mogelijk</source>
        <translation>Vaststellen niet mogelijk</translation>
    </message>
    <message>
        <source>Versie vaststellen…</source>
        <translation>Versie vaststellen…</translation>
    </message>
    <message>
        <source>Versie vaststellen</source>
        <translation>Versie vaststellen</translation>
    </message>
    <message>
        <source>Versie %1 vaststellen? Vanaf vandaag geldt deze versie voor nieuwe meldingen; een vastgestelde versie kan niet meer worden gewijzigd.</source>
        <translation>Versie %1 vaststellen? Vanaf vandaag geldt deze versie voor nieuwe meldingen; een vastgestelde versie kan niet meer worden gewijzigd.</translation>
    </message>
</context>
<context>
    <name>ExportController</name>
    <message>
        <source>Register exporteren</source>
        <translation>Register exporteren</translation>
    </message>
    <message>
        <source>Exporteren…</source>
        <translation>Exporteren…</translation>
    </message>
    <message>
        <source>Export mislukt</source>
        <translation>Export mislukt</translation>
    </message>
    <message>
        <source>Export gereed</source>
        <translation>Export gereed</translation>
    </message>
    <message>
        <source>{0} geëxporteerd naar {1}</source>
        <translation>{0} geëxporteerd naar {1}</translation>
    </message>
    <message>
        <source>boom</source>
        <translation>boom</translation>
    </message>
    <message>
        <source>bomen</source>
        <translation>bomen</translation>
    </message>
</context>
<context>
    <name>FirstStartDialog</name>
    <message>
        <source>Welkom bij Bomenplan</source>
        <translation>Welkom bij Bomenplan</translation>
    </message>
    <message>
        <source>Dit register is nog leeg. Hoe wilt u beginnen?</source>
        <translation>Dit register is nog leeg. Hoe wilt u beginnen?</translation>
    </message>
    <message>
        <source>Demogemeente openen (in een eigen bestand)</source>
        <translation>Demogemeente openen (in een eigen bestand)</translation>
    </message>
    <message>
        <source>Bomenstad: een verzonnen gemeente om mee te oefenen. Uw eigen register blijft leeg.</source>
        <translation>Bomenstad: een verzonnen gemeente om mee te oefenen. Uw eigen register blijft leeg.</translation>
    </message>
    <message>
        <source>Leeg register beginnen</source>
        <translation>Leeg register beginnen</translation>
    </message>
    <message>
        <source>Bomen voegt u later toe of importeert u via Bestand → Importeren.</source>
        <translation>Bomen voegt u later toe of importeert u via Bestand → Importeren.</translation>
    </message>
    <message>
        <source>Bestand importeren…</source>
        <translation>Bestand importeren…</translation>
    </message>
    <message>
        <source>Uw eigen bomenbestand (CSV, GeoPackage, GeoJSON) in dit register.</source>
        <translation>Uw eigen bomenbestand (CSV, GeoPackage, GeoJSON) in dit register.</translation>
    </message>
</context>
<context>
    <name>FundPanel</name>
    <message>
        <source>Jaar:</source>
        <translation>Jaar:</translation>
    </message>
    <message>
        <source>Boekingen</source>
        <translation>Boekingen</translation>
    </message>
    <message>
        <source>Herplantplicht (Bal art. 11.129: binnen 3 jaar na kap)</source>
        <translation>Herplantplicht (Bal art. 11.129: binnen 3 jaar na kap)</translation>
    </message>
    <message>
        <source>begin € %1 + stortingen € %2 − onttrekkingen € %3 = eind € %4</source>
        <translation>begin € %1 + stortingen € %2 − onttrekkingen € %3 = eind € %4</translation>
    </message>
    <message>
        <source>te laat</source>
        <translation>te laat</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <source>Wanneer</source>
        <translation>Wanneer</translation>
    </message>
    <message>
        <source>Veld</source>
        <translation>Veld</translation>
    </message>
    <message>
        <source>Oud</source>
        <translation>Oud</translation>
    </message>
    <message>
        <source>Nieuw</source>
        <translation>Nieuw</translation>
    </message>
    <message>
        <source>Gebruiker</source>
        <translation>Gebruiker</translation>
    </message>
    <message>
        <source>Reden</source>
        <translation>Reden</translation>
    </message>
    <message>
        <source>Datum</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Inspecteur</source>
        <translation>Inspecteur</translation>
    </message>
    <message>
        <source>Boomveiligheidsklasse</source>
        <translation>Boomveiligheidsklasse</translation>
    </message>
    <message>
        <source>Gebreken</source>
        <translation>Gebreken</translation>
    </message>
    <message>
        <source>Maatregelen</source>
        <translation>Maatregelen</translation>
    </message>
    <message>
        <source>Volgende controle</source>
        <translation>Volgende controle</translation>
    </message>
    <message>
        <source>Boomnummer</source>
        <translation>Boomnummer</translation>
    </message>
    <message>
        <source>Soort</source>
        <translation>Soort</translation>
    </message>
    <message>
        <source>Plantjaar</source>
        <translation>Plantjaar</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Wijzigingen</source>
        <translation>Wijzigingen</translation>
    </message>
    <message>
        <source>Controles</source>
        <translation>Controles</translation>
    </message>
    <message>
        <source>Standplaats</source>
        <translation>Standplaats</translation>
    </message>
    <message>
        <source>Geen boom geselecteerd</source>
        <translation>Geen boom geselecteerd</translation>
    </message>
    <message>
        <source>Geschiedenis van boom {0}</source>
        <translation>Geschiedenis van boom {0}</translation>
    </message>
    <message>
        <source> (uiterlijk {0})</source>
        <translation> (uiterlijk {0})</translation>
    </message>
</context>
<context>
    <name>ImportController</name>
    <message>
        <source>Bomen importeren</source>
        <translation>Bomen importeren</translation>
    </message>
    <message>
        <source>Import mislukt</source>
        <translation>Import mislukt</translation>
    </message>
    <message>
        <source>{0}

Er is niets gewijzigd in het register.</source>
        <translation>{0}

Er is niets gewijzigd in het register.</translation>
    </message>
    <message>
        <source>Import geannuleerd</source>
        <translation>Import geannuleerd</translation>
    </message>
    <message>
        <source>De import is geannuleerd; er is niets gewijzigd.</source>
        <translation>De import is geannuleerd; er is niets gewijzigd.</translation>
    </message>
    <message>
        <source>Bestand lezen…</source>
        <translation>Bestand lezen…</translation>
    </message>
    <message>
        <source>{0}: coördinatenstelsel onbekend; vul het in, bijv. EPSG:28992 (RD New) of EPSG:31467 (Gauss-Krüger zone 3).</source>
        <translation>{0}: coördinatenstelsel onbekend; vul het in, bijv. EPSG:28992 (RD New) of EPSG:31467 (Gauss-Krüger zone 3).</translation>
    </message>
    <message>
        <source>Importeren: {0}</source>
        <translation>Importeren: {0}</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <source>Import controleren — {0}</source>
        <translation>Import controleren — {0}</translation>
    </message>
    <message>
        <source>Nieuw</source>
        <translation>Nieuw</translation>
    </message>
    <message>
        <source>Gewijzigd</source>
        <translation>Gewijzigd</translation>
    </message>
    <message>
        <source>Ongewijzigd</source>
        <translation>Ongewijzigd</translation>
    </message>
    <message>
        <source>Dubbel nummer in bestand (rijen)</source>
        <translation>Dubbel nummer in bestand (rijen)</translation>
    </message>
    <message>
        <source>Zelfde nummer én plaats (geweigerd)</source>
        <translation>Zelfde nummer én plaats (geweigerd)</translation>
    </message>
    <message>
        <source>Niet in bestand (blijven staan)</source>
        <translation>Niet in bestand (blijven staan)</translation>
    </message>
    <message>
        <source>{0}: {1} bomen</source>
        <translation>{0}: {1} bomen</translation>
    </message>
    <message>
        <source>Rijen met hetzelfde nummer op dezelfde plaats toch als aparte bomen toevoegen</source>
        <translation>Rijen met hetzelfde nummer op dezelfde plaats toch als aparte bomen toevoegen</translation>
    </message>
    <message>
        <source>Toepassen</source>
        <translation>Toepassen</translation>
    </message>
    <message>
        <source>Gekoppeld op {0}. Er is nog niets opgeslagen; wijzigingen komen in de historie van elke boom.</source>
        <translation>Gekoppeld op {0}. Er is nog niets opgeslagen; wijzigingen komen in de historie van elke boom.</translation>
    </message>
    <message>
        <source>positie</source>
        <translation>positie</translation>
    </message>
</context>
<context>
    <name>ImportResultDialog</name>
    <message>
        <source>Resultaat van de import</source>
        <translation>Resultaat van de import</translation>
    </message>
    <message>
        <source>{0:g} m</source>
        <translation>{0:g} m</translation>
    </message>
    <message>
        <source>onbekend</source>
        <translation>onbekend</translation>
    </message>
    <message>
        <source>Bestand: {0}</source>
        <translation>Bestand: {0}</translation>
    </message>
    <message>
        <source>Gelezen: {0}  —  geaccepteerd: {1}  —  afgewezen: {2}</source>
        <translation>Gelezen: {0}  —  geaccepteerd: {1}  —  afgewezen: {2}</translation>
    </message>
    <message>
        <source>Coördinatenstelsel: {0}; transformatie: {1} (nauwkeurigheid {2})</source>
        <translation>Coördinatenstelsel: {0}; transformatie: {1} (nauwkeurigheid {2})</translation>
    </message>
    <message>
        <source>x en y waren verwisseld en zijn omgedraaid.</source>
        <translation>x en y waren verwisseld en zijn omgedraaid.</translation>
    </message>
    <message>
        <source>Bestand</source>
        <translation>Bestand</translation>
    </message>
    <message>
        <source>Regel</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>Veld</source>
        <translation>Veld</translation>
    </message>
    <message>
        <source>Waarde</source>
        <translation>Waarde</translation>
    </message>
    <message>
        <source>Reden</source>
        <translation>Reden</translation>
    </message>
    <message>
        <source>Soortnaam</source>
        <translation>Soortnaam</translation>
    </message>
    <message>
        <source>Bomen</source>
        <translation>Bomen</translation>
    </message>
    <message>
        <source>Afgewezen rijen ({0})</source>
        <translation>Afgewezen rijen ({0})</translation>
    </message>
    <message>
        <source>Onbekende soorten ({0})</source>
        <translation>Onbekende soorten ({0})</translation>
    </message>
    <message>
        <source>Waarde in bestand</source>
        <translation>Waarde in bestand</translation>
    </message>
    <message>
        <source>Opgeslagen als</source>
        <translation>Opgeslagen als</translation>
    </message>
    <message>
        <source>Vertaalde waarden ({0})</source>
        <translation>Vertaalde waarden ({0})</translation>
    </message>
    <message>
        <source>Opslaan als CSV…</source>
        <translation>Opslaan als CSV…</translation>
    </message>
    <message>
        <source>Koppeling aanpassen…</source>
        <translation>Koppeling aanpassen…</translation>
    </message>
    <message>
        <source>Niets is ingelezen: pas kolommen of coördinatenstelsel aan en probeer opnieuw.</source>
        <translation>Niets is ingelezen: pas kolommen of coördinatenstelsel aan en probeer opnieuw.</translation>
    </message>
    <message>
        <source>Afgewezen rijen opslaan</source>
        <translation>Afgewezen rijen opslaan</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Opslaan mislukt</source>
        <translation>Opslaan mislukt</translation>
    </message>
</context>
<context>
    <name>InspectionDialog</name>
    <message>
        <source>Boomveiligheidscontrole — boom {0}</source>
        <translation>Boomveiligheidscontrole — boom {0}</translation>
    </message>
    <message>
        <source>De omgevingsrisicoklasse hoort bij de boom; wijzig hem in het boomformulier.</source>
        <translation>De omgevingsrisicoklasse hoort bij de boom; wijzig hem in het boomformulier.</translation>
    </message>
    <message>
        <source>Gebreken</source>
        <translation>Gebreken</translation>
    </message>
    <message>
        <source>Overige gebreken, gescheiden door komma's</source>
        <translation>Overige gebreken, gescheiden door komma's</translation>
    </message>
    <message>
        <source>Maatregelen</source>
        <translation>Maatregelen</translation>
    </message>
    <message>
        <source>Datum</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Inspecteur</source>
        <translation>Inspecteur</translation>
    </message>
    <message>
        <source>Boomveiligheidsklasse</source>
        <translation>Boomveiligheidsklasse</translation>
    </message>
    <message>
        <source>Omgevingsrisico</source>
        <translation>Omgevingsrisico</translation>
    </message>
    <message>
        <source>Volgende controle</source>
        <translation>Volgende controle</translation>
    </message>
    <message>
        <source>Maatregel uiterlijk</source>
        <translation>Maatregel uiterlijk</translation>
    </message>
    <message>
        <source>Opmerkingen</source>
        <translation>Opmerkingen</translation>
    </message>
    <message>
        <source>Onbekend — gerekend als {0}</source>
        <translation>Onbekend — gerekend als {0}</translation>
    </message>
    <message>
        <source>Risicoboom: maatregel binnen {0} dagen (CROW 26768); bij twijfel nader onderzoek.</source>
        <translation>Risicoboom: maatregel binnen {0} dagen (CROW 26768); bij twijfel nader onderzoek.</translation>
    </message>
    <message>
        <source>Vul de naam van de inspecteur in.</source>
        <translation>Vul de naam van de inspecteur in.</translation>
    </message>
</context>
<context>
    <name>LaanDetail</name>
    <message>
        <source>Kies een laan in het overzicht.</source>
        <translation>Kies een laan in het overzicht.</translation>
    </message>
    <message>
        <source>Rij</source>
        <translation>Rij</translation>
    </message>
    <message>
        <source>x</source>
        <translation>x</translation>
    </message>
    <message>
        <source>y</source>
        <translation>y</translation>
    </message>
    <message>
        <source>Ontbrekend</source>
        <translation>Ontbrekend</translation>
    </message>
    <message>
        <source>Oorzaak</source>
        <translation>Oorzaak</translation>
    </message>
    <message>
        <source>kabels en leidingen</source>
        <translation>kabels en leidingen</translation>
    </message>
    <message>
        <source>nabij speelplek/school</source>
        <translation>nabij speelplek/school</translation>
    </message>
    <message>
        <source>geen giftige of gedoornde soorten voorstellen</source>
        <translation>geen giftige of gedoornde soorten voorstellen</translation>
    </message>
    <message>
        <source>monumentale laan</source>
        <translation>monumentale laan</translation>
    </message>
    <message>
        <source>statigheid weegt zwaar, zoals in de hoofdbomenstructuur</source>
        <translation>statigheid weegt zwaar, zoals in de hoofdbomenstructuur</translation>
    </message>
    <message>
        <source>uit standplaatsen</source>
        <translation>uit standplaatsen</translation>
    </message>
    <message>
        <source>Leeg: het beschikbare bodemvolume uit de standplaatsgegevens van de laan (mediaan); een waarde hier geldt alleen voor deze afweging.</source>
        <translation>Leeg: het beschikbare bodemvolume uit de standplaatsgegevens van de laan (mediaan); een waarde hier geldt alleen voor deze afweging.</translation>
    </message>
    <message>
        <source>Strategie</source>
        <translation>Strategie</translation>
    </message>
    <message>
        <source>Soorten</source>
        <translation>Soorten</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Plantmaat</source>
        <translation>Plantmaat</translation>
    </message>
    <message>
        <source>motivering van de keuze (verplicht)</source>
        <translation>motivering van de keuze (verplicht)</translation>
    </message>
    <message>
        <source>Kies</source>
        <translation>Kies</translation>
    </message>
    <message>
        <source>Wanneer</source>
        <translation>Wanneer</translation>
    </message>
    <message>
        <source>Wat</source>
        <translation>Wat</translation>
    </message>
    <message>
        <source>Nieuw</source>
        <translation>Nieuw</translation>
    </message>
    <message>
        <source>Motivering</source>
        <translation>Motivering</translation>
    </message>
    <message>
        <source>Gaten</source>
        <translation>Gaten</translation>
    </message>
    <message>
        <source>Geschiedenis</source>
        <translation>Geschiedenis</translation>
    </message>
    <message>
        <source>Kroonruimte</source>
        <translation>Kroonruimte</translation>
    </message>
    <message>
        <source>Ondergrond</source>
        <translation>Ondergrond</translation>
    </message>
    <message>
        <source>Opties voor gat %1 (%2)</source>
        <translation>Opties voor gat %1 (%2)</translation>
    </message>
    <message>
        <source>boom</source>
        <translation>boom</translation>
    </message>
    <message>
        <source>bomen</source>
        <translation>bomen</translation>
    </message>
    <message>
        <source>Verharding</source>
        <translation>Verharding</translation>
    </message>
    <message>
        <source>Bodemvolume/boom</source>
        <translation>Bodemvolume/boom</translation>
    </message>
    <message>
        <source>Locatie</source>
        <translation>Locatie</translation>
    </message>
    <message>
        <source>&lt;b&gt;Herplantopties&lt;/b&gt; (beste eerst)</source>
        <translation>&lt;b&gt;Herplantopties&lt;/b&gt; (beste eerst)</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; — %2, %3 rij(en), plantafstand %4 m&lt;br&gt;Kwaliteit &lt;b&gt;%5&lt;/b&gt;: %6 % compleet, %7 ontbrekende bomen in %8 gaten, %9 afwijkende (te kleine of te jonge) vervangers, hoofdsoort %10 (%11 %)</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — %2, %3 rij(en), plantafstand %4 m&lt;br&gt;Kwaliteit &lt;b&gt;%5&lt;/b&gt;: %6 % compleet, %7 ontbrekende bomen in %8 gaten, %9 afwijkende (te kleine of te jonge) vervangers, hoofdsoort %10 (%11 %)</translation>
    </message>
    <message>
        <source>Opties voor de hele laan (alle ontbrekende bomen)</source>
        <translation>Opties voor de hele laan (alle ontbrekende bomen)</translation>
    </message>
</context>
<context>
    <name>LaanDialog</name>
    <message>
        <source>Laan bewerken</source>
        <translation>Laan bewerken</translation>
    </message>
    <message>
        <source>onderdeel van de hoofdbomenstructuur</source>
        <translation>onderdeel van de hoofdbomenstructuur</translation>
    </message>
    <message>
        <source>Naam</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Plantafstand</source>
        <translation>Plantafstand</translation>
    </message>
    <message>
        <source>Beoogde soort</source>
        <translation>Beoogde soort</translation>
    </message>
    <message>
        <source>Herplantstrategie</source>
        <translation>Herplantstrategie</translation>
    </message>
</context>
<context>
    <name>LanenScreen</name>
    <message>
        <source>Overzicht lanen</source>
        <translation>Overzicht lanen</translation>
    </message>
    <message>
        <source>Accepteren</source>
        <translation>Accepteren</translation>
    </message>
    <message>
        <source>Afwijzen</source>
        <translation>Afwijzen</translation>
    </message>
    <message>
        <source>Bewerken…</source>
        <translation>Bewerken…</translation>
    </message>
    <message>
        <source>Rij aanpassen op kaart</source>
        <translation>Rij aanpassen op kaart</translation>
    </message>
    <message>
        <source>Klik op de kaart: het dichtstbijzijnde rij-einde verschuift naar die plek (verlengen of inkorten)</source>
        <translation>Klik op de kaart: het dichtstbijzijnde rij-einde verschuift naar die plek (verlengen of inkorten)</translation>
    </message>
    <message>
        <source>&amp;Lanen</source>
        <translation>&amp;Lanen</translation>
    </message>
    <message>
        <source>Lanen herkennen…</source>
        <translation>Lanen herkennen…</translation>
    </message>
    <message>
        <source>Kwaliteit en gaten vernieuwen</source>
        <translation>Kwaliteit en gaten vernieuwen</translation>
    </message>
    <message>
        <source>Kwaliteitsdrempels…</source>
        <translation>Kwaliteitsdrempels…</translation>
    </message>
    <message>
        <source>Gaten exporteren…</source>
        <translation>Gaten exporteren…</translation>
    </message>
    <message>
        <source>Lanenrapport exporteren…</source>
        <translation>Lanenrapport exporteren…</translation>
    </message>
    <message>
        <source>Lanen beoordelen</source>
        <translation>Lanen beoordelen</translation>
    </message>
    <message>
        <source>Lanen herkennen</source>
        <translation>Lanen herkennen</translation>
    </message>
    <message>
        <source>Lanen: %1</source>
        <translation>Lanen: %1</translation>
    </message>
    <message>
        <source>%1 lanen herkend</source>
        <translation>%1 lanen herkend</translation>
    </message>
    <message>
        <source>Nog geen lanen in dit register: kies Lanen ▸ Lanen herkennen…</source>
        <translation>Nog geen lanen in dit register: kies Lanen ▸ Lanen herkennen…</translation>
    </message>
    <message>
        <source>Lanen</source>
        <translation>Lanen</translation>
    </message>
    <message>
        <source>Leg de keuze kort uit in de motivering.</source>
        <translation>Leg de keuze kort uit in de motivering.</translation>
    </message>
    <message>
        <source>Gaten exporteren</source>
        <translation>Gaten exporteren</translation>
    </message>
    <message>
        <source>GeoPackage (*.gpkg);;CSV (*.csv)</source>
        <translation>GeoPackage (*.gpkg);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>Lanenrapport exporteren</source>
        <translation>Lanenrapport exporteren</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Bomenplan — bomenregister</source>
        <translation>Bomenplan — bomenregister</translation>
    </message>
    <message>
        <source>Zoek op boomnummer, soort of straat…</source>
        <translation>Zoek op boomnummer, soort of straat…</translation>
    </message>
    <message>
        <source>Alle soorten</source>
        <translation>Alle soorten</translation>
    </message>
    <message>
        <source>Alle statussen</source>
        <translation>Alle statussen</translation>
    </message>
    <message>
        <source>Alle wijken</source>
        <translation>Alle wijken</translation>
    </message>
    <message>
        <source>&amp;Bestand</source>
        <translation>&amp;Bestand</translation>
    </message>
    <message>
        <source>&amp;Importeren…</source>
        <translation>&amp;Importeren…</translation>
    </message>
    <message>
        <source>&amp;Exporteren…</source>
        <translation>&amp;Exporteren…</translation>
    </message>
    <message>
        <source>&amp;Afsluiten</source>
        <translation>&amp;Afsluiten</translation>
    </message>
    <message>
        <source>Be&amp;werken</source>
        <translation>Be&amp;werken</translation>
    </message>
    <message>
        <source>&amp;Ongedaan maken</source>
        <translation>&amp;Ongedaan maken</translation>
    </message>
    <message>
        <source>&amp;Opnieuw</source>
        <translation>&amp;Opnieuw</translation>
    </message>
    <message>
        <source>Bee&amp;ld</source>
        <translation>Bee&amp;ld</translation>
    </message>
    <message>
        <source>Kleur op</source>
        <translation>Kleur op</translation>
    </message>
    <message>
        <source>Soortgroep</source>
        <translation>Soortgroep</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Hele gemeente tonen</source>
        <translation>Hele gemeente tonen</translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>%1 van %2 bomen</source>
        <translation>%1 van %2 bomen</translation>
    </message>
    <message>
        <source>%1 geselecteerd</source>
        <translation>%1 geselecteerd</translation>
    </message>
</context>
<context>
    <name>MapView</name>
    <message>
        <source>x (RD New, m)</source>
        <translation>x (RD New, m)</translation>
    </message>
    <message>
        <source>y (RD New, m)</source>
        <translation>y (RD New, m)</translation>
    </message>
    <message>
        <source>overig</source>
        <translation>overig</translation>
    </message>
</context>
<context>
    <name>NewTreeDialog</name>
    <message>
        <source>Nieuwe boom</source>
        <translation>Nieuwe boom</translation>
    </message>
    <message>
        <source>Positie (RD)</source>
        <translation>Positie (RD)</translation>
    </message>
    <message>
        <source>Boomnummer</source>
        <translation>Boomnummer</translation>
    </message>
    <message>
        <source>Soort</source>
        <translation>Soort</translation>
    </message>
    <message>
        <source>Plantjaar</source>
        <translation>Plantjaar</translation>
    </message>
    <message>
        <source>Straat</source>
        <translation>Straat</translation>
    </message>
    <message>
        <source>Wijk</source>
        <translation>Wijk</translation>
    </message>
    <message>
        <source>Buurt</source>
        <translation>Buurt</translation>
    </message>
</context>
<context>
    <name>PlanCheckPanel</name>
    <message>
        <source>Teken of importeer een plangebied.</source>
        <translation>Teken of importeer een plangebied.</translation>
    </message>
    <message>
        <source>Boomnummer</source>
        <translation>Boomnummer</translation>
    </message>
    <message>
        <source>Zone geraakt</source>
        <translation>Zone geraakt</translation>
    </message>
    <message>
        <source>Afstand (m)</source>
        <translation>Afstand (m)</translation>
    </message>
    <message>
        <source>Maatregelen</source>
        <translation>Maatregelen</translation>
    </message>
    <message>
        <source>Tekenen</source>
        <translation>Tekenen</translation>
    </message>
    <message>
        <source>Importeren…</source>
        <translation>Importeren…</translation>
    </message>
    <message>
        <source>PDF…</source>
        <translation>PDF…</translation>
    </message>
    <message>
        <source>CSV…</source>
        <translation>CSV…</translation>
    </message>
    <message>
        <source>%1: %2 m², %3 bomen geraakt.</source>
        <translation>%1: %2 m², %3 bomen geraakt.</translation>
    </message>
</context>
<context>
    <name>ReexaminationDialog</name>
    <message>
        <source>Criteria tegen het licht</source>
        <translation>Criteria tegen het licht</translation>
    </message>
    <message>
        <source>melding</source>
        <translation>melding</translation>
    </message>
    <message>
        <source>jaar</source>
        <translation>jaar</translation>
    </message>
    <message>
        <source>categorieën</source>
        <translation>categorieën</translation>
    </message>
    <message>
        <source>nu</source>
        <translation>nu</translation>
    </message>
    <message>
        <source>concept</source>
        <translation>concept</translation>
    </message>
    <message>
        <source>reden (concept)</source>
        <translation>reden (concept)</translation>
    </message>
    <message>
        <source>werkorders nu</source>
        <translation>werkorders nu</translation>
    </message>
    <message>
        <source>werkorders concept</source>
        <translation>werkorders concept</translation>
    </message>
    <message>
        <source>verschil</source>
        <translation>verschil</translation>
    </message>
    <message>
        <source>werkorders</source>
        <translation>werkorders</translation>
    </message>
    <message>
        <source>Concept &lt;b&gt;%1&lt;/b&gt; tegen geldende versie &lt;b&gt;%2&lt;/b&gt;, over %3 meldingen: &lt;b&gt;%4&lt;/b&gt; besluiten veranderen (%5). Werkorders totaal: %6 → %7.</source>
        <translation>Concept &lt;b&gt;%1&lt;/b&gt; tegen geldende versie &lt;b&gt;%2&lt;/b&gt;, over %3 meldingen: &lt;b&gt;%4&lt;/b&gt; besluiten veranderen (%5). Werkorders totaal: %6 → %7.</translation>
    </message>
    <message>
        <source>geldend</source>
        <translation>geldend</translation>
    </message>
</context>
<context>
    <name>RegisterEditing</name>
    <message>
        <source>Boom</source>
        <translation>Boom</translation>
    </message>
    <message>
        <source>Geschiedenis</source>
        <translation>Geschiedenis</translation>
    </message>
    <message>
        <source>B&amp;oom</source>
        <translation>B&amp;oom</translation>
    </message>
    <message>
        <source>&amp;Nieuwe boom (klik op de kaart)</source>
        <translation>&amp;Nieuwe boom (klik op de kaart)</translation>
    </message>
    <message>
        <source>&amp;Verplaatsen (klik de nieuwe plek)</source>
        <translation>&amp;Verplaatsen (klik de nieuwe plek)</translation>
    </message>
    <message>
        <source>&amp;Status wijzigen…</source>
        <translation>&amp;Status wijzigen…</translation>
    </message>
    <message>
        <source>&amp;Controle vastleggen…</source>
        <translation>&amp;Controle vastleggen…</translation>
    </message>
    <message>
        <source>&amp;Bestand</source>
        <translation>&amp;Bestand</translation>
    </message>
    <message>
        <source>&amp;Importeren…</source>
        <translation>&amp;Importeren…</translation>
    </message>
    <message>
        <source>&amp;Exporteren…</source>
        <translation>&amp;Exporteren…</translation>
    </message>
    <message>
        <source>&amp;Gebruiker…</source>
        <translation>&amp;Gebruiker…</translation>
    </message>
    <message>
        <source>Klik op de kaart op de nieuwe plek van boom {0}</source>
        <translation>Klik op de kaart op de nieuwe plek van boom {0}</translation>
    </message>
    <message>
        <source>Bewerking niet uitgevoerd</source>
        <translation>Bewerking niet uitgevoerd</translation>
    </message>
</context>
<context>
    <name>RuleDialog</name>
    <message>
        <source>Regel</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>Bijv. 'afstand_gevel_m &lt;= 1; doorrijhoogte_over in fietspad, voetpad'. Feiten: </source>
        <translation>Bijv. 'afstand_gevel_m &lt;= 1; doorrijhoogte_over in fietspad, voetpad'. Feiten: </translation>
    </message>
    <message>
        <source>met voorrang</source>
        <translation>met voorrang</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Categorie</source>
        <translation>Categorie</translation>
    </message>
    <message>
        <source>Voorwaarden</source>
        <translation>Voorwaarden</translation>
    </message>
    <message>
        <source>Besluit</source>
        <translation>Besluit</translation>
    </message>
    <message>
        <source>Maatregel</source>
        <translation>Maatregel</translation>
    </message>
    <message>
        <source>Omschrijving maatregel</source>
        <translation>Omschrijving maatregel</translation>
    </message>
    <message>
        <source>Antwoordtekst</source>
        <translation>Antwoordtekst</translation>
    </message>
    <message>
        <source>Beleidsbron</source>
        <translation>Beleidsbron</translation>
    </message>
</context>
<context>
    <name>StandplaatsDialog</name>
    <message>
        <source>Standplaats — %1</source>
        <translation>Standplaats — %1</translation>
    </message>
    <message>
        <source>Verharding</source>
        <translation>Verharding</translation>
    </message>
    <message>
        <source>onbekend</source>
        <translation>onbekend</translation>
    </message>
    <message>
        <source>half aangevinkt: onbekend</source>
        <translation>half aangevinkt: onbekend</translation>
    </message>
    <message>
        <source>Opmerkingen</source>
        <translation>Opmerkingen</translation>
    </message>
    <message>
        <source>beschikbaar: onbekend</source>
        <translation>beschikbaar: onbekend</translation>
    </message>
    <message>
        <source>beschikbaar: %1 m³ (%2)</source>
        <translation>beschikbaar: %1 m³ (%2)</translation>
    </message>
    <message>
        <source>Problemen</source>
        <translation>Problemen</translation>
    </message>
    <message>
        <source>Datum</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Ernst</source>
        <translation>Ernst</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Maatregelen</source>
        <translation>Maatregelen</translation>
    </message>
    <message>
        <source>Opmerking</source>
        <translation>Opmerking</translation>
    </message>
    <message>
        <source>opmerking bij het probleem (verplicht bij overig)</source>
        <translation>opmerking bij het probleem (verplicht bij overig)</translation>
    </message>
    <message>
        <source>Probleem toevoegen</source>
        <translation>Probleem toevoegen</translation>
    </message>
    <message>
        <source>Status van gekozen probleem zetten</source>
        <translation>Status van gekozen probleem zetten</translation>
    </message>
    <message>
        <source>Kies eerst een probleem in de lijst.</source>
        <translation>Kies eerst een probleem in de lijst.</translation>
    </message>
</context>
<context>
    <name>StandplaatsFeature</name>
    <message>
        <source>Plangebied</source>
        <translation>Plangebied</translation>
    </message>
    <message>
        <source>&amp;Standplaats</source>
        <translation>&amp;Standplaats</translation>
    </message>
    <message>
        <source>Standplaats van gekozen boom…</source>
        <translation>Standplaats van gekozen boom…</translation>
    </message>
    <message>
        <source>Problemen en tekorten op de kaart</source>
        <translation>Problemen en tekorten op de kaart</translation>
    </message>
    <message>
        <source>Plangebied tekenen</source>
        <translation>Plangebied tekenen</translation>
    </message>
    <message>
        <source>Plangebied importeren…</source>
        <translation>Plangebied importeren…</translation>
    </message>
    <message>
        <source>Standplaats</source>
        <translation>Standplaats</translation>
    </message>
    <message>
        <source>Kies eerst een boom op de kaart of in de tabel.</source>
        <translation>Kies eerst een boom op de kaart of in de tabel.</translation>
    </message>
    <message>
        <source>Klik de hoeken van het plangebied; dubbelklik of rechtsklik om te sluiten.</source>
        <translation>Klik de hoeken van het plangebied; dubbelklik of rechtsklik om te sluiten.</translation>
    </message>
    <message>
        <source>Getekend plangebied</source>
        <translation>Getekend plangebied</translation>
    </message>
    <message>
        <source>Plangebied importeren</source>
        <translation>Plangebied importeren</translation>
    </message>
    <message>
        <source>Plangebied controleren…</source>
        <translation>Plangebied controleren…</translation>
    </message>
    <message>
        <source>Bomen in plangebied</source>
        <translation>Bomen in plangebied</translation>
    </message>
</context>
<context>
    <name>StatusDialog</name>
    <message>
        <source>Status wijzigen — boom {0}</source>
        <translation>Status wijzigen — boom {0}</translation>
    </message>
    <message>
        <source>bijv. stormschade, kapvergunning 2026-114</source>
        <translation>bijv. stormschade, kapvergunning 2026-114</translation>
    </message>
    <message>
        <source>Huidige status: {0}. De boom blijft in het register; de standplaats blijft bestaan.</source>
        <translation>Huidige status: {0}. De boom blijft in het register; de standplaats blijft bestaan.</translation>
    </message>
    <message>
        <source>Nieuwe status</source>
        <translation>Nieuwe status</translation>
    </message>
    <message>
        <source>Reden</source>
        <translation>Reden</translation>
    </message>
    <message>
        <source>Geef een reden op; die komt in de geschiedenis van de boom.</source>
        <translation>Geef een reden op; die komt in de geschiedenis van de boom.</translation>
    </message>
</context>
<context>
    <name>ThresholdsDialog</name>
    <message>
        <source>Kwaliteitsdrempels lanen</source>
        <translation>Kwaliteitsdrempels lanen</translation>
    </message>
</context>
<context>
    <name>TreeForm</name>
    <message>
        <source>Wijzig de status via Boom → Status wijzigen…</source>
        <translation>Wijzig de status via Boom → Status wijzigen…</translation>
    </message>
    <message>
        <source>Opslaan</source>
        <translation>Opslaan</translation>
    </message>
    <message>
        <source>Herstellen</source>
        <translation>Herstellen</translation>
    </message>
    <message>
        <source>Boom {0}</source>
        <translation>Boom {0}</translation>
    </message>
    <message>
        <source>Geen boom geselecteerd</source>
        <translation>Geen boom geselecteerd</translation>
    </message>
</context>
<context>
    <name>TreeTableModel</name>
    <message>
        <source>Boomnummer</source>
        <translation>Boomnummer</translation>
    </message>
    <message>
        <source>Soort</source>
        <translation>Soort</translation>
    </message>
    <message>
        <source>Plantjaar</source>
        <translation>Plantjaar</translation>
    </message>
    <message>
        <source>Hoogte</source>
        <translation>Hoogte</translation>
    </message>
    <message>
        <source>Stamdiameter</source>
        <translation>Stamdiameter</translation>
    </message>
    <message>
        <source>Veiligheid</source>
        <translation>Veiligheid</translation>
    </message>
    <message>
        <source>Beheertype</source>
        <translation>Beheertype</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Beleidsstatus</source>
        <translation>Beleidsstatus</translation>
    </message>
    <message>
        <source>Eigenaar</source>
        <translation>Eigenaar</translation>
    </message>
    <message>
        <source>Straat</source>
        <translation>Straat</translation>
    </message>
    <message>
        <source>Wijk</source>
        <translation>Wijk</translation>
    </message>
    <message>
        <source>Buurt</source>
        <translation>Buurt</translation>
    </message>
</context>
<context>
    <name>TriageDialog</name>
    <message>
        <source>Beoordeling melding %1</source>
        <translation>Beoordeling melding %1</translation>
    </message>
    <message>
        <source>tijd</source>
        <translation>tijd</translation>
    </message>
    <message>
        <source>door</source>
        <translation>door</translation>
    </message>
    <message>
        <source>besluit</source>
        <translation>besluit</translation>
    </message>
    <message>
        <source>handmatig</source>
        <translation>handmatig</translation>
    </message>
    <message>
        <source>motivering</source>
        <translation>motivering</translation>
    </message>
    <message>
        <source>Besluitenlog</source>
        <translation>Besluitenlog</translation>
    </message>
    <message>
        <source>Brief afdrukken…</source>
        <translation>Brief afdrukken…</translation>
    </message>
    <message>
        <source>Ander besluit (alleen met motivering)</source>
        <translation>Ander besluit (alleen met motivering)</translation>
    </message>
    <message>
        <source>Waarom wijkt u af van de criteria? Deze tekst komt in de brief.</source>
        <translation>Waarom wijkt u af van de criteria? Deze tekst komt in de brief.</translation>
    </message>
    <message>
        <source>Besluit vastleggen</source>
        <translation>Besluit vastleggen</translation>
    </message>
    <message>
        <source>Besluit</source>
        <translation>Besluit</translation>
    </message>
    <message>
        <source>Maatregel</source>
        <translation>Maatregel</translation>
    </message>
    <message>
        <source>Omschrijving</source>
        <translation>Omschrijving</translation>
    </message>
    <message>
        <source>Motivering</source>
        <translation>Motivering</translation>
    </message>
    <message>
        <source>(urgent)</source>
        <translation>(urgent)</translation>
    </message>
    <message>
        <source>Melder: %1</source>
        <translation>Melder: %1</translation>
    </message>
    <message>
        <source>Melder: geen (of gewiste) persoonsgegevens</source>
        <translation>Melder: geen (of gewiste) persoonsgegevens</translation>
    </message>
    <message>
        <source>ja</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>Besluit vastleggen…</source>
        <translation>Besluit vastleggen…</translation>
    </message>
    <message>
        <source>Besluit niet vastgelegd</source>
        <translation>Besluit niet vastgelegd</translation>
    </message>
    <message>
        <source>Brief opslaan</source>
        <translation>Brief opslaan</translation>
    </message>
    <message>
        <source>Brief</source>
        <translation>Brief</translation>
    </message>
</context>
<context>
    <name>UserProfileDialog</name>
    <message>
        <source>Wie werkt er?</source>
        <translation>Wie werkt er?</translation>
    </message>
    <message>
        <source>bijv. J. de Vries</source>
        <translation>bijv. J. de Vries</translation>
    </message>
    <message>
        <source>bijv. boomverzorger, inspecteur, beleidsmedewerker</source>
        <translation>bijv. boomverzorger, inspecteur, beleidsmedewerker</translation>
    </message>
    <message>
        <source>bijv. Team Noord</source>
        <translation>bijv. Team Noord</translation>
    </message>
    <message>
        <source>Naam</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>Rol</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Opslaan</source>
        <translation>Opslaan</translation>
    </message>
    <message>
        <source>Uw naam komt bij elke wijziging, controle, besluit en criteriaversie die u vastlegt.</source>
        <translation>Uw naam komt bij elke wijziging, controle, besluit en criteriaversie die u vastlegt.</translation>
    </message>
    <message>
        <source>Vul uw naam in.</source>
        <translation>Vul uw naam in.</translation>
    </message>
</context>
<context>
    <name>WorkspaceSwitcher</name>
    <message>
        <source>Werkruimte</source>
        <translation>Werkruimte</translation>
    </message>
    <message>
        <source>Legenda</source>
        <translation>Legenda</translation>
    </message>
</context>
<context>
    <name>species</name>
    <message>
        <source>Registernaam</source>
        <translation>Registernaam</translation>
    </message>
    <message>
        <source>Bomen</source>
        <translation>Bomen</translation>
    </message>
    <message>
        <source>Suggestie</source>
        <translation>Suggestie</translation>
    </message>
    <message>
        <source>Insecten (Southwood)</source>
        <translation>Insecten (Southwood)</translation>
    </message>
    <message>
        <source>Nectar</source>
        <translation>Nectar</translation>
    </message>
    <message>
        <source>Stuifmeel</source>
        <translation>Stuifmeel</translation>
    </message>
    <message>
        <source>Waardboom</source>
        <translation>Waardboom</translation>
    </message>
    <message>
        <source>Vruchten</source>
        <translation>Vruchten</translation>
    </message>
    <message>
        <source>Inheems</source>
        <translation>Inheems</translation>
    </message>
    <message>
        <source>Niet invasief</source>
        <translation>Niet invasief</translation>
    </message>
    <message>
        <source>Klimaat 2050</source>
        <translation>Klimaat 2050</translation>
    </message>
    <message>
        <source>soort</source>
        <translation>soort</translation>
    </message>
    <message>
        <source>geslacht</source>
        <translation>geslacht</translation>
    </message>
    <message>
        <source>familie</source>
        <translation>familie</translation>
    </message>
    <message>
        <source>Wetenschappelijke naam</source>
        <translation>Wetenschappelijke naam</translation>
    </message>
    <message>
        <source>Nederlandse naam</source>
        <translation>Nederlandse naam</translation>
    </message>
    <message>
        <source>Grootte</source>
        <translation>Grootte</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>Component</translation>
    </message>
    <message>
        <source>Waarde</source>
        <translation>Waarde</translation>
    </message>
    <message>
        <source>Gewicht</source>
        <translation>Gewicht</translation>
    </message>
    <message>
        <source>Punten</source>
        <translation>Punten</translation>
    </message>
    <message>
        <source>Bron</source>
        <translation>Bron</translation>
    </message>
    <message>
        <source>Groep</source>
        <translation>Groep</translation>
    </message>
    <message>
        <source>Niveau</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <source>Taxon</source>
        <translation>Taxon</translation>
    </message>
    <message>
        <source>Aandeel</source>
        <translation>Aandeel</translation>
    </message>
    <message>
        <source>Grens</source>
        <translation>Grens</translation>
    </message>
    <message>
        <source>Ziekterisico</source>
        <translation>Ziekterisico</translation>
    </message>
</context>
<context>
    <name>startup</name>
    <message>
        <source>Register niet te openen</source>
        <translation>Register niet te openen</translation>
    </message>
    <message>
        <source>Het register kan niet worden geopend:

{0}</source>
        <translation>Het register kan niet worden geopend:

{0}</translation>
    </message>
</context>
<context>
    <name>widget</name>
    <message>
        <source>levend</source>
        <translation>levend</translation>
    </message>
    <message>
        <source>stobbe</source>
        <translation>stobbe</translation>
    </message>
    <message>
        <source>gekapt</source>
        <translation>gekapt</translation>
    </message>
    <message>
        <source>verplant</source>
        <translation>verplant</translation>
    </message>
    <message>
        <source>leeg plantvak</source>
        <translation>leeg plantvak</translation>
    </message>
</context>
</TS>
