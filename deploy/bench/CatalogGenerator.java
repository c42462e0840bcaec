import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * Benchmark data for the catalog search (issue 6): writes N realistic catalog entries (default
 * 100,000) straight into the hub's PostgreSQL database with JDBC batch inserts, owned by synthetic
 * tenants {@code bench-kommune-001..040} (MUNICIPALITY) and {@code bench-forschung-01..10}
 * (RESEARCH). German and English names, descriptions and card texts are composed from a vocabulary
 * of municipal AI uses; tasks and domains are the hub's ({@code CatalogVocabulary}), the words
 * exercise its synonym and compound lists. Deterministic: the same seed gives the same rows.
 *
 * <p>Rows as the hub would have written them: models with 1-3 versions; released models (PUBLISHED,
 * possibly an older DEPRECATED one) carry {@code released}, {@code latest_version}, {@code
 * latest_format} and the card text of the latest release (migration V8), so the hub's start-up
 * backfill leaves them alone; unreleased ones are PRIVATE with a DRAFT or IN_REVIEW version. No
 * artifact files exist (the sha256 values are synthetic), no card sections, no deployments ({@code
 * active_tenants} is set directly). The search index does not see these rows until {@code POST
 * /api/v1/admin/search/reindex} or the next start of the hub.
 *
 * <pre>
 * java -cp postgresql.jar deploy/bench/CatalogGenerator.java --url jdbc:postgresql://127.0.0.1:5432/kihub_searchbench
 *      [--user postgres] [--password ...] [--count 100000] [--seed 42] [--replace] [--yes]
 * </pre>
 *
 * Safety: refuses a database whose name does not contain "bench" unless {@code --yes} is given,
 * refuses a database without the hub's schema (start the hub on it once), and refuses to add to
 * existing benchmark rows unless {@code --replace} (which deletes all models of the bench-* tenants
 * first).
 */
public class CatalogGenerator {
    static final Instant NOW = Instant.parse("2026-11-01T08:00:00Z");
    static final int BATCH = 1000;

    // --- vocabulary --------------------------------------------------------------------------

    /** A municipal use of AI: names, task(s), domain(s), tags and sentences in both languages. */
    record Theme(
            String slug,
            List<String> namesDe,
            List<String> namesEn,
            List<String> tasks,
            List<String> domains,
            List<String> tags,
            List<String> sentencesDe,
            List<String> sentencesEn) {}

    static final List<Theme> THEMES =
            List.of(
                    new Theme(
                            "personenzaehlung",
                            List.of(
                                    "Personenzählung",
                                    "Passantenzählung",
                                    "Besucherzählung",
                                    "Besucherströme",
                                    "Fußgängerzählung",
                                    "Passantenfrequenz"),
                            List.of(
                                    "People counting",
                                    "Pedestrian counting",
                                    "Visitor counting",
                                    "Visitor flows",
                                    "Footfall measurement",
                                    "Crowd counting"),
                            List.of("people-counting", "people-counting", "object-detection"),
                            List.of(
                                    "Mobilität",
                                    "Sicherheit & Ordnung",
                                    "Kultur & Tourismus",
                                    "Wirtschaft",
                                    "Stadtentwicklung & Bauen"),
                            List.of(
                                    "personenzählung",
                                    "passanten",
                                    "besucherströme",
                                    "fußgänger",
                                    "kamera",
                                    "datenschutz",
                                    "innenstadt",
                                    "frequenz",
                                    "footfall",
                                    "people counting"),
                            List.of(
                                    "Zählt Personen anonym in Kamerabildern, gespeichert werden nur Summen pro Viertelstunde.",
                                    "Misst die Passantenfrequenz in der Fußgängerzone für das Innenstadtmanagement.",
                                    "Lenkt Besucherströme nach Großveranstaltungen und zeigt Engstellen an Ein- und Ausgängen.",
                                    "Erkennt Fußgänger an Zähllinien und gibt Zählwerte je Richtung aus.",
                                    "Keine Bilder werden gespeichert; die Erkennung läuft auf dem Gerät an der Kamera.",
                                    "Die Besucherzählung unterstützt die Planung von Ordnungsdienst und Reinigung."),
                            List.of(
                                    "Counts people anonymously in camera images; only totals per quarter hour are stored.",
                                    "Measures pedestrian footfall in the shopping street for city centre management.",
                                    "Guides visitor flows after large events and shows bottlenecks at entrances and exits.",
                                    "Detects pedestrians crossing counting lines and reports counts per direction.",
                                    "No images are stored; detection runs on the device next to the camera.",
                                    "Visitor counting supports planning of public order staff and street cleaning.")),
                    new Theme(
                            "parkraum",
                            List.of(
                                    "Parkraumerkennung",
                                    "Parkplatzbelegung",
                                    "Stellplatzerkennung",
                                    "Parkraumüberwachung",
                                    "Parkhausauslastung"),
                            List.of(
                                    "Parking space detection",
                                    "Parking occupancy",
                                    "Parking bay detection",
                                    "Parking monitoring",
                                    "Car park utilisation"),
                            List.of(
                                    "object-detection",
                                    "image-segmentation",
                                    "time-series-forecasting"),
                            List.of("Mobilität", "Stadtentwicklung & Bauen", "Wirtschaft"),
                            List.of(
                                    "parkplatz",
                                    "parkraum",
                                    "stellplatz",
                                    "belegung",
                                    "parkhaus",
                                    "parkleitsystem",
                                    "parking",
                                    "kamera"),
                            List.of(
                                    "Erkennt freie und belegte Stellplätze auf Luftbildern und Kamerabildern.",
                                    "Sagt die Auslastung der Parkhäuser für die nächsten Stunden voraus und speist das Parkleitsystem.",
                                    "Kennzeichen werden nicht gelesen; gezählt werden nur belegte Parkflächen.",
                                    "Unterstützt das Parkraummanagement bei der Planung von Anwohnerparkzonen."),
                            List.of(
                                    "Detects free and occupied parking bays in aerial and camera images.",
                                    "Forecasts car park occupancy for the next hours and feeds the parking guidance system.",
                                    "Number plates are never read; only occupied spaces are counted.",
                                    "Supports parking management when planning residents' parking zones.")),
                    new Theme(
                            "verkehrszaehlung",
                            List.of(
                                    "Verkehrszählung",
                                    "Fahrzeugzählung",
                                    "Kreuzungsanalyse",
                                    "Verkehrserfassung",
                                    "Verkehrsflussprognose"),
                            List.of(
                                    "Traffic counting",
                                    "Vehicle counting",
                                    "Junction analysis",
                                    "Traffic detection",
                                    "Traffic flow forecast"),
                            List.of("object-detection", "time-series-forecasting"),
                            List.of("Mobilität", "Umwelt"),
                            List.of(
                                    "verkehr",
                                    "verkehrszählung",
                                    "fahrzeug",
                                    "kreuzung",
                                    "ampel",
                                    "lkw",
                                    "traffic",
                                    "vehicle counting"),
                            List.of(
                                    "Zählt Fahrzeuge nach Klassen (Pkw, Lkw, Bus, Fahrrad) an Kreuzungen und Einfallstraßen.",
                                    "Ersetzt manuelle Verkehrszählungen durch eine automatische Verkehrserfassung mit vorhandenen Kameras.",
                                    "Prognostiziert den Verkehrsfluss für die Ampelsteuerung im Berufsverkehr.",
                                    "Liefert Daten für den Verkehrsentwicklungsplan und die Lärmaktionsplanung."),
                            List.of(
                                    "Counts vehicles by class (car, truck, bus, bicycle) at junctions and arterial roads.",
                                    "Replaces manual traffic counts with automatic traffic detection on existing cameras.",
                                    "Forecasts traffic flow for traffic light control during rush hour.",
                                    "Provides data for the transport development plan and noise action planning.")),
                    new Theme(
                            "muellabfuhr",
                            List.of(
                                    "Müllabfuhr-Routenplanung",
                                    "Füllstandserkennung Altglascontainer",
                                    "Abfallprognose",
                                    "Müllabfuhr-Routen",
                                    "Wertstoffhof-Prognose"),
                            List.of(
                                    "Waste collection routing",
                                    "Glass container fill level detection",
                                    "Waste forecast",
                                    "Refuse collection routes",
                                    "Recycling centre forecast"),
                            List.of("time-series-forecasting", "image-classification"),
                            List.of("Umwelt", "Verwaltung"),
                            List.of(
                                    "müll",
                                    "abfall",
                                    "müllabfuhr",
                                    "container",
                                    "füllstand",
                                    "route",
                                    "waste",
                                    "recycling"),
                            List.of(
                                    "Sagt Füllstände von Containern voraus und plant die Touren der Müllabfuhr danach.",
                                    "Erkennt überfüllte Abfallbehälter auf Fotos der Fahrzeugkameras.",
                                    "Verkürzt die Routen der Abfallwirtschaft und spart Kraftstoff.",
                                    "Prognostiziert das Abfallaufkommen je Bezirk für die Wertstoffhöfe."),
                            List.of(
                                    "Forecasts container fill levels and plans the refuse collection tours accordingly.",
                                    "Detects overflowing litter bins on photos from the vehicles' cameras.",
                                    "Shortens waste management routes and saves fuel.",
                                    "Forecasts waste volumes per district for the recycling centres.")),
                    new Theme(
                            "baumkataster",
                            List.of(
                                    "Baumkataster",
                                    "Baumkronenerkennung",
                                    "Baumschäden-Erkennung",
                                    "Stadtbaum-Monitoring",
                                    "Baumartenbestimmung"),
                            List.of(
                                    "Tree register",
                                    "Tree crown detection",
                                    "Tree damage detection",
                                    "Urban tree monitoring",
                                    "Tree species classification"),
                            List.of(
                                    "image-segmentation",
                                    "image-classification",
                                    "object-detection"),
                            List.of("Umwelt", "Stadtentwicklung & Bauen"),
                            List.of(
                                    "baum",
                                    "baumkataster",
                                    "baumkrone",
                                    "grünflächen",
                                    "luftbild",
                                    "trockenstress",
                                    "tree",
                                    "urban forest"),
                            List.of(
                                    "Segmentiert Baumkronen in Luftbildern und gleicht sie mit dem Baumkataster ab.",
                                    "Erkennt Trockenstress und Schäden an Stadtbäumen auf Multispektralbildern.",
                                    "Hilft dem Grünflächenamt bei der Baumkontrolle und der Pflanzplanung.",
                                    "Bestimmt Baumarten aus Fotos, die bei der Baumkontrolle entstehen."),
                            List.of(
                                    "Segments tree crowns in aerial images and matches them with the tree register.",
                                    "Detects drought stress and damage of urban trees in multispectral images.",
                                    "Helps the parks department with tree inspections and planting plans.",
                                    "Determines tree species from photos taken during tree inspections.")),
                    new Theme(
                            "schlagloch",
                            List.of(
                                    "Schlaglocherkennung",
                                    "Straßenschäden-Erkennung",
                                    "Fahrbahnzustand",
                                    "Schlagloch-Detektion",
                                    "Straßenzustandserfassung"),
                            List.of(
                                    "Pothole detection",
                                    "Road damage detection",
                                    "Road surface condition",
                                    "Pothole finder",
                                    "Road condition survey"),
                            List.of(
                                    "object-detection",
                                    "image-segmentation",
                                    "image-classification"),
                            List.of(
                                    "Stadtentwicklung & Bauen",
                                    "Mobilität",
                                    "Sicherheit & Ordnung"),
                            List.of(
                                    "schlagloch",
                                    "straßenschaden",
                                    "fahrbahn",
                                    "risse",
                                    "straßenbau",
                                    "pothole",
                                    "road damage",
                                    "kamera"),
                            List.of(
                                    "Erkennt Schlaglöcher und Risse in Bildern von Kameras an Kehrmaschinen und Müllfahrzeugen.",
                                    "Bewertet den Fahrbahnzustand und priorisiert Reparaturen im Straßenbau.",
                                    "Gesichter und Kennzeichen werden vor der Auswertung unkenntlich gemacht.",
                                    "Meldet Straßenschäden automatisch an den Bauhof."),
                            List.of(
                                    "Detects potholes and cracks in images from cameras on street sweepers and refuse trucks.",
                                    "Rates the road surface condition and prioritises repairs.",
                                    "Faces and number plates are blurred before analysis.",
                                    "Reports road damage to the municipal works depot automatically.")),
                    new Theme(
                            "buergeranfragen",
                            List.of(
                                    "Bürgeranfragen-Klassifikation",
                                    "Anliegenmanagement",
                                    "Posteingangsklassifikation",
                                    "Bürgeranliegen-Zuordnung",
                                    "Beschwerdemanagement"),
                            List.of(
                                    "Citizen request classification",
                                    "Issue routing",
                                    "Inbox classification",
                                    "Citizen concern routing",
                                    "Complaint management"),
                            List.of("text-classification"),
                            List.of("Verwaltung", "Gesundheit & Soziales"),
                            List.of(
                                    "bürgeranfragen",
                                    "anliegen",
                                    "e-mail",
                                    "klassifikation",
                                    "verwaltung",
                                    "chatbot",
                                    "nlp",
                                    "citizen requests"),
                            List.of(
                                    "Ordnet Bürgeranfragen aus E-Mail und Kontaktformular dem zuständigen Fachamt zu.",
                                    "Klassifiziert Anliegen des Mängelmelders nach Kategorie und Dringlichkeit.",
                                    "Trainiert auf anonymisierten Anfragen; personenbezogene Daten werden vorher entfernt.",
                                    "Entlastet das Bürgerbüro bei der Vorsortierung des Posteingangs."),
                            List.of(
                                    "Routes citizen requests from e-mail and contact forms to the responsible department.",
                                    "Classifies reports of the defect reporting app by category and urgency.",
                                    "Trained on anonymised requests; personal data is removed beforehand.",
                                    "Relieves the citizens' office when pre-sorting the inbox.")),
                    new Theme(
                            "laermkarte",
                            List.of(
                                    "Lärmkarte",
                                    "Lärmprognose",
                                    "Lärmquellen-Erkennung",
                                    "Umgebungslärm-Monitoring",
                                    "Lärmaktionsplanung"),
                            List.of(
                                    "Noise map",
                                    "Noise forecast",
                                    "Noise source detection",
                                    "Environmental noise monitoring",
                                    "Noise action planning"),
                            List.of(
                                    "time-series-forecasting",
                                    "text-classification",
                                    "image-segmentation"),
                            List.of("Umwelt", "Gesundheit & Soziales", "Stadtentwicklung & Bauen"),
                            List.of(
                                    "lärm",
                                    "lärmkarte",
                                    "umgebungslärm",
                                    "schall",
                                    "sensor",
                                    "noise",
                                    "noise map"),
                            List.of(
                                    "Berechnet Lärmkarten aus Verkehrsdaten und Messstationen für die Lärmaktionsplanung.",
                                    "Erkennt Lärmquellen wie Baustellen, Verkehr und Veranstaltungen in Schallpegelreihen.",
                                    "Es werden keine Gespräche aufgezeichnet, nur Pegelwerte.",
                                    "Prognostiziert Lärmbelastung in Wohngebieten bei Großveranstaltungen."),
                            List.of(
                                    "Computes noise maps from traffic data and measuring stations for noise action planning.",
                                    "Detects noise sources such as construction sites, traffic and events in sound level series.",
                                    "No conversations are recorded, only sound levels.",
                                    "Forecasts noise exposure in residential areas during large events.")),
                    new Theme(
                            "hochwasser",
                            List.of(
                                    "Hochwasser-Pegelprognose",
                                    "Pegelstandsvorhersage",
                                    "Starkregen-Frühwarnung",
                                    "Überflutungserkennung",
                                    "Hochwasserwarnung"),
                            List.of(
                                    "Flood level forecast",
                                    "River gauge prediction",
                                    "Heavy rain early warning",
                                    "Flooding detection",
                                    "Flood warning"),
                            List.of("time-series-forecasting", "image-segmentation"),
                            List.of("Umwelt", "Sicherheit & Ordnung"),
                            List.of(
                                    "hochwasser",
                                    "pegel",
                                    "pegelstand",
                                    "starkregen",
                                    "überflutung",
                                    "katastrophenschutz",
                                    "flood",
                                    "early warning"),
                            List.of(
                                    "Sagt Pegelstände an kleinen Gewässern sechs Stunden voraus und warnt den Katastrophenschutz.",
                                    "Erkennt überflutete Straßen und Unterführungen in Kamerabildern.",
                                    "Verknüpft Niederschlagsradar und Pegeldaten zur Starkregen-Frühwarnung.",
                                    "Unterstützt die Feuerwehr bei der Einsatzplanung im Hochwasserfall."),
                            List.of(
                                    "Forecasts water levels of small rivers six hours ahead and warns civil protection.",
                                    "Detects flooded streets and underpasses in camera images.",
                                    "Combines rain radar and gauge data for heavy rain early warning.",
                                    "Supports the fire brigade with operations planning during floods.")),
                    new Theme(
                            "radverkehr",
                            List.of(
                                    "Radverkehrszählung",
                                    "Fahrradzählung",
                                    "Radwegeplanung",
                                    "Radverkehrsprognose",
                                    "Lastenrad-Erkennung"),
                            List.of(
                                    "Cycle traffic counting",
                                    "Bicycle counting",
                                    "Cycle path planning",
                                    "Cycling forecast",
                                    "Cargo bike detection"),
                            List.of(
                                    "object-detection",
                                    "time-series-forecasting",
                                    "people-counting"),
                            List.of("Mobilität", "Umwelt", "Stadtentwicklung & Bauen"),
                            List.of(
                                    "radverkehr",
                                    "fahrrad",
                                    "radweg",
                                    "zählstelle",
                                    "mobilität",
                                    "bicycle",
                                    "cycling"),
                            List.of(
                                    "Zählt Radfahrende an Zählstellen und unterscheidet Fahrräder, Lastenräder und E-Scooter.",
                                    "Prognostiziert den Radverkehr nach Wetter und Wochentag für die Radwegeplanung.",
                                    "Liefert Daten für Förderanträge und das Radverkehrskonzept."),
                            List.of(
                                    "Counts cyclists at counting stations and tells bicycles, cargo bikes and e-scooters apart.",
                                    "Forecasts cycle traffic by weather and weekday for cycle path planning.",
                                    "Provides data for funding applications and the cycling strategy.")),
                    new Theme(
                            "energieverbrauch",
                            List.of(
                                    "Energieverbrauchsprognose",
                                    "Stromverbrauch kommunaler Gebäude",
                                    "Lastprognose",
                                    "Heizenergie-Optimierung",
                                    "Energiemonitoring Schulen"),
                            List.of(
                                    "Energy consumption forecast",
                                    "Electricity use of municipal buildings",
                                    "Load forecast",
                                    "Heating energy optimisation",
                                    "Energy monitoring for schools"),
                            List.of("time-series-forecasting"),
                            List.of("Energie", "Bildung", "Verwaltung", "Umwelt"),
                            List.of(
                                    "energie",
                                    "energieverbrauch",
                                    "strom",
                                    "heizung",
                                    "gebäude",
                                    "klimaschutz",
                                    "energy",
                                    "load forecast"),
                            List.of(
                                    "Sagt den Energieverbrauch kommunaler Gebäude voraus und erkennt Ausreißer im Stromverbrauch.",
                                    "Optimiert die Heizkurven in Schulen und Turnhallen nach Belegungsplan und Wetter.",
                                    "Unterstützt das kommunale Energiemanagement und den Klimaschutzbericht.",
                                    "Erstellt Lastprognosen für Stadtwerke und Ladeinfrastruktur."),
                            List.of(
                                    "Forecasts the energy consumption of municipal buildings and detects outliers in electricity use.",
                                    "Optimises heating curves in schools and gyms by occupancy plan and weather.",
                                    "Supports municipal energy management and the climate protection report.",
                                    "Creates load forecasts for public utilities and charging infrastructure.")),
                    new Theme(
                            "sitzungsprotokoll",
                            List.of(
                                    "Spracherkennung Ratssitzungen",
                                    "Sitzungsprotokoll-Transkription",
                                    "Bürgertelefon-Spracherkennung",
                                    "Diktaterkennung Verwaltung"),
                            List.of(
                                    "Speech recognition for council meetings",
                                    "Meeting minutes transcription",
                                    "Citizen hotline speech recognition",
                                    "Dictation recognition for administration"),
                            List.of("speech-recognition"),
                            List.of("Verwaltung", "Bildung"),
                            List.of(
                                    "spracherkennung",
                                    "transkription",
                                    "protokoll",
                                    "ratssitzung",
                                    "audio",
                                    "speech recognition",
                                    "whisper"),
                            List.of(
                                    "Transkribiert Ratssitzungen und Ausschusssitzungen für das Sitzungsprotokoll.",
                                    "Erkennt gesprochene Anliegen am Bürgertelefon und leitet sie weiter.",
                                    "Läuft vollständig im kommunalen Rechenzentrum, keine Daten verlassen die Verwaltung.",
                                    "Versteht Dialekte des Ruhrgebiets und Fachbegriffe der Verwaltung."),
                            List.of(
                                    "Transcribes council and committee meetings for the minutes.",
                                    "Recognises spoken requests on the citizen hotline and forwards them.",
                                    "Runs entirely in the municipal data centre; no data leaves the administration.",
                                    "Understands regional dialects and administrative terms.")),
                    new Theme(
                            "luftqualitaet",
                            List.of(
                                    "Luftqualitätsprognose",
                                    "Feinstaubvorhersage",
                                    "Stickstoffdioxid-Prognose",
                                    "Luftschadstoff-Monitoring"),
                            List.of(
                                    "Air quality forecast",
                                    "Particulate matter prediction",
                                    "Nitrogen dioxide forecast",
                                    "Air pollutant monitoring"),
                            List.of("time-series-forecasting"),
                            List.of("Umwelt", "Gesundheit & Soziales", "Mobilität"),
                            List.of(
                                    "luftqualität",
                                    "feinstaub",
                                    "stickoxide",
                                    "sensor",
                                    "umweltzone",
                                    "air quality"),
                            List.of(
                                    "Sagt Feinstaub- und Stickstoffdioxidwerte für die nächsten 48 Stunden voraus.",
                                    "Verknüpft Messstationen, Verkehrsdaten und Wetter zu einer Luftqualitätskarte.",
                                    "Unterstützt den Luftreinhalteplan und die Information der Bevölkerung."),
                            List.of(
                                    "Forecasts particulate matter and nitrogen dioxide levels for the next 48 hours.",
                                    "Combines measuring stations, traffic data and weather into an air quality map.",
                                    "Supports the clean air plan and public information.")),
                    new Theme(
                            "muellablagerung",
                            List.of(
                                    "Erkennung illegaler Müllablagerungen",
                                    "Sperrmüll-Erkennung",
                                    "Graffiti-Erkennung",
                                    "Stadtsauberkeit-Monitoring"),
                            List.of(
                                    "Illegal dumping detection",
                                    "Bulky waste detection",
                                    "Graffiti detection",
                                    "Street cleanliness monitoring"),
                            List.of("image-classification", "object-detection"),
                            List.of("Sicherheit & Ordnung", "Umwelt"),
                            List.of(
                                    "müll",
                                    "sperrmüll",
                                    "graffiti",
                                    "ordnungsamt",
                                    "sauberkeit",
                                    "illegal dumping",
                                    "litter"),
                            List.of(
                                    "Erkennt wilde Müllablagerungen und Sperrmüll auf Fotos aus dem Mängelmelder.",
                                    "Meldet Graffiti an öffentlichen Gebäuden an das Ordnungsamt.",
                                    "Bewertet die Stadtsauberkeit entlang der Reinigungsrouten."),
                            List.of(
                                    "Detects illegal dumping and bulky waste in photos from the defect reporting app.",
                                    "Reports graffiti on public buildings to the public order office.",
                                    "Rates street cleanliness along the cleaning routes.")),
                    new Theme(
                            "solarpotenzial",
                            List.of(
                                    "Solarpotenzial Dachflächen",
                                    "Dachflächenerkennung Photovoltaik",
                                    "PV-Anlagen-Erkennung",
                                    "Solarkataster"),
                            List.of(
                                    "Rooftop solar potential",
                                    "Roof detection for photovoltaics",
                                    "Solar panel detection",
                                    "Solar register"),
                            List.of("image-segmentation", "object-detection"),
                            List.of("Energie", "Stadtentwicklung & Bauen", "Umwelt"),
                            List.of(
                                    "solar",
                                    "photovoltaik",
                                    "dachfläche",
                                    "luftbild",
                                    "klimaschutz",
                                    "solar potential",
                                    "pv"),
                            List.of(
                                    "Segmentiert Dachflächen in Luftbildern und schätzt das Solarpotenzial je Gebäude.",
                                    "Erkennt bestehende Photovoltaikanlagen für das Solarkataster.",
                                    "Grundlage für die kommunale Wärmeplanung und Beratungsangebote."),
                            List.of(
                                    "Segments roofs in aerial images and estimates the solar potential per building.",
                                    "Detects existing photovoltaic systems for the solar register.",
                                    "Basis for municipal heat planning and advice services.")),
                    new Theme(
                            "versiegelung",
                            List.of(
                                    "Versiegelungskartierung",
                                    "Flächennutzungserkennung",
                                    "Gründacherkennung",
                                    "Bodenversiegelung aus Luftbildern"),
                            List.of(
                                    "Soil sealing mapping",
                                    "Land use classification",
                                    "Green roof detection",
                                    "Sealed surfaces from aerial images"),
                            List.of("image-segmentation"),
                            List.of("Stadtentwicklung & Bauen", "Umwelt"),
                            List.of(
                                    "versiegelung",
                                    "luftbild",
                                    "flächennutzung",
                                    "gründach",
                                    "stadtklima",
                                    "land use"),
                            List.of(
                                    "Kartiert versiegelte Flächen aus Orthofotos für die gesplittete Abwassergebühr.",
                                    "Erkennt Gründächer und Entsiegelungspotenziale für das Stadtklima.",
                                    "Unterstützt die Bauleitplanung mit aktuellen Flächennutzungsdaten."),
                            List.of(
                                    "Maps sealed surfaces from orthophotos for the split waste water fee.",
                                    "Detects green roofs and unsealing potential for the urban climate.",
                                    "Supports land use planning with current land use data.")),
                    new Theme(
                            "kitabedarf",
                            List.of(
                                    "Kita-Bedarfsprognose",
                                    "Schülerzahlenprognose",
                                    "Schulentwicklungsplanung",
                                    "Betreuungsbedarf-Prognose"),
                            List.of(
                                    "Day care demand forecast",
                                    "Pupil number forecast",
                                    "School development planning",
                                    "Childcare demand forecast"),
                            List.of("time-series-forecasting"),
                            List.of("Bildung", "Gesundheit & Soziales", "Verwaltung"),
                            List.of(
                                    "kita",
                                    "schule",
                                    "schülerzahlen",
                                    "bedarfsplanung",
                                    "demografie",
                                    "school planning"),
                            List.of(
                                    "Prognostiziert Kinderzahlen je Stadtteil für die Kita-Bedarfsplanung.",
                                    "Sagt Schülerzahlen für die Schulentwicklungsplanung zehn Jahre voraus.",
                                    "Nutzt nur aggregierte Daten des Melderegisters."),
                            List.of(
                                    "Forecasts the number of children per district for day care planning.",
                                    "Predicts pupil numbers ten years ahead for school development planning.",
                                    "Uses only aggregated data from the population register.")),
                    new Theme(
                            "rettungsdienst",
                            List.of(
                                    "Rettungsdienst-Einsatzprognose",
                                    "Einsatzaufkommen Feuerwehr",
                                    "Notruf-Klassifikation",
                                    "Hitzewarnung Pflege"),
                            List.of(
                                    "Ambulance demand forecast",
                                    "Fire brigade call volume",
                                    "Emergency call classification",
                                    "Heat warning for care services"),
                            List.of(
                                    "time-series-forecasting",
                                    "text-classification",
                                    "speech-recognition"),
                            List.of("Gesundheit & Soziales", "Sicherheit & Ordnung"),
                            List.of(
                                    "rettungsdienst",
                                    "feuerwehr",
                                    "notruf",
                                    "einsatzplanung",
                                    "hitze",
                                    "ambulance",
                                    "emergency"),
                            List.of(
                                    "Sagt das Einsatzaufkommen des Rettungsdienstes stündlich voraus.",
                                    "Unterstützt die Leitstelle bei der Klassifikation von Notrufen.",
                                    "Warnt Pflegedienste vor Hitzeperioden mit erhöhtem Einsatzaufkommen."),
                            List.of(
                                    "Forecasts the ambulance service's call volume by the hour.",
                                    "Supports the control centre in classifying emergency calls.",
                                    "Warns care services of heat waves with increased demand.")),
                    new Theme(
                            "dokumente",
                            List.of(
                                    "Rechnungserkennung",
                                    "Dokumentenklassifikation Posteingang",
                                    "Antragsprüfung",
                                    "Formularerkennung"),
                            List.of(
                                    "Invoice recognition",
                                    "Inbox document classification",
                                    "Application checking",
                                    "Form recognition"),
                            List.of("text-classification", "image-classification"),
                            List.of("Verwaltung", "Wirtschaft"),
                            List.of(
                                    "dokumente",
                                    "rechnung",
                                    "antrag",
                                    "formular",
                                    "ocr",
                                    "digitalisierung",
                                    "document classification"),
                            List.of(
                                    "Klassifiziert eingescannte Dokumente im Posteingang und erkennt Rechnungen.",
                                    "Prüft Anträge auf Vollständigkeit, bevor sie bearbeitet werden.",
                                    "Beschleunigt die Digitalisierung der Verwaltung nach dem Onlinezugangsgesetz."),
                            List.of(
                                    "Classifies scanned documents in the inbox and recognises invoices.",
                                    "Checks applications for completeness before they are processed.",
                                    "Speeds up the digitalisation of the administration.")),
                    new Theme(
                            "tourismus",
                            List.of(
                                    "Besucherprognose Museum",
                                    "Gästezahlenprognose",
                                    "Besucherlenkung Altstadt",
                                    "Veranstaltungsauslastung"),
                            List.of(
                                    "Museum visitor forecast",
                                    "Overnight stay forecast",
                                    "Visitor guidance in the old town",
                                    "Event attendance forecast"),
                            List.of("time-series-forecasting", "people-counting"),
                            List.of("Kultur & Tourismus", "Wirtschaft"),
                            List.of(
                                    "tourismus",
                                    "museum",
                                    "besucher",
                                    "veranstaltung",
                                    "altstadt",
                                    "tourism",
                                    "visitors"),
                            List.of(
                                    "Sagt Besucherzahlen von Museen und Bädern für die Personalplanung voraus.",
                                    "Lenkt Besucher in der Altstadt an Wochenenden auf weniger volle Wege.",
                                    "Schätzt die Auslastung von Veranstaltungen aus Vorverkauf und Wetter."),
                            List.of(
                                    "Forecasts visitor numbers of museums and pools for staff planning.",
                                    "Guides visitors in the old town to less crowded routes at weekends.",
                                    "Estimates event attendance from advance sales and weather.")),
                    new Theme(
                            "strassenbeleuchtung",
                            List.of(
                                    "Defekterkennung Straßenbeleuchtung",
                                    "Laternen-Ausfallerkennung",
                                    "Beleuchtungssteuerung"),
                            List.of(
                                    "Street light fault detection",
                                    "Lamp failure detection",
                                    "Lighting control"),
                            List.of("image-classification", "time-series-forecasting"),
                            List.of("Energie", "Sicherheit & Ordnung"),
                            List.of(
                                    "straßenbeleuchtung",
                                    "laterne",
                                    "energie",
                                    "wartung",
                                    "street lighting"),
                            List.of(
                                    "Erkennt ausgefallene Laternen auf nächtlichen Kamerafahrten.",
                                    "Steuert die Straßenbeleuchtung nach erwartetem Verkehr und spart Energie."),
                            List.of(
                                    "Detects failed street lamps on night-time camera drives.",
                                    "Controls street lighting by expected traffic and saves energy.")));

    static final List<String> PLACES_DE =
            List.of(
                    "Innenstadt",
                    "Hauptbahnhof",
                    "Altstadt",
                    "Marktplatz",
                    "Stadion",
                    "Rathaus",
                    "Fußgängerzone",
                    "Hafen",
                    "Messe",
                    "Uferpromenade",
                    "Stadtteil Nord",
                    "Stadtteil Süd",
                    "Gewerbegebiet",
                    "Schulzentrum",
                    "Busbahnhof",
                    "Kreisverkehr",
                    "Stadtpark",
                    "Kanal");
    static final List<String> PLACES_EN =
            List.of(
                    "city centre",
                    "main station",
                    "old town",
                    "market square",
                    "stadium",
                    "town hall",
                    "pedestrian zone",
                    "harbour",
                    "trade fair",
                    "riverside",
                    "northern district",
                    "southern district",
                    "business park",
                    "school campus",
                    "bus station",
                    "roundabout",
                    "city park",
                    "canal");
    static final List<String> ARCHITECTURES =
            List.of(
                    "YOLOv8-n",
                    "YOLOv5-s",
                    "NanoDet-m",
                    "ResNet-18",
                    "ResNet-50",
                    "EfficientNet-B0",
                    "MobileNetV3",
                    "U-Net",
                    "DeepLabV3",
                    "SegFormer-B0",
                    "DETR",
                    "GBERT-base",
                    "BERT multilingual",
                    "DistilBERT",
                    "Whisper-small",
                    "Wav2Vec2",
                    "LSTM",
                    "Temporal Fusion Transformer",
                    "N-BEATS",
                    "XGBoost");
    static final List<String> CITIES =
            List.of(
                    "Gelsenkirchen",
                    "Bochum",
                    "Dortmund",
                    "Essen",
                    "Duisburg",
                    "Herne",
                    "Bottrop",
                    "Recklinghausen",
                    "Münster",
                    "Hagen",
                    "Oberhausen",
                    "Mülheim an der Ruhr",
                    "Gladbeck",
                    "Marl",
                    "Witten",
                    "Hattingen",
                    "Castrop-Rauxel",
                    "Unna",
                    "Hamm",
                    "Wuppertal");
    static final List<String> LICENSES =
            List.of(
                    "Apache-2.0",
                    "Apache-2.0",
                    "Apache-2.0",
                    "MIT",
                    "MIT",
                    "CC-BY-4.0",
                    "EUPL-1.2",
                    "GPL-3.0-only",
                    "BSD-3-Clause",
                    "CC-BY-SA-4.0",
                    "DL-DE-BY-2.0",
                    "LicenseRef-kommunal");
    static final List<String> GENERIC_DE =
            List.of(
                    "Trainiert mit {n} annotierten Beispielen aus {city}.",
                    "Entwickelt im Rahmen eines Förderprojekts gemeinsam mit der Hochschule.",
                    "Läuft auf handelsüblichen Rechnern ohne Grafikkarte.",
                    "Das Modell wurde von der Datenschutzbeauftragten geprüft.",
                    "Nachnutzung durch andere Kommunen ausdrücklich erwünscht.",
                    "Getestet im Pilotbetrieb über sechs Monate.",
                    "Die Ergebnisse werden als Open Data veröffentlicht.",
                    "Ersetzt eine aufwendige manuelle Erhebung.");
    static final List<String> GENERIC_EN =
            List.of(
                    "Trained on {n} annotated examples from {city}.",
                    "Developed in a funded project together with the university.",
                    "Runs on ordinary computers without a graphics card.",
                    "The model was reviewed by the data protection officer.",
                    "Reuse by other municipalities is explicitly welcome.",
                    "Tested in a pilot over six months.",
                    "Results are published as open data.",
                    "Replaces a laborious manual survey.");
    static final List<String> CARD_HEADINGS_DE =
            List.of(
                    "Verwendungszweck",
                    "Trainingsdaten",
                    "Evaluation",
                    "Einschränkungen",
                    "Ethische Aspekte",
                    "Empfehlungen");
    static final List<String> CARD_HEADINGS_EN =
            List.of(
                    "Intended use",
                    "Training data",
                    "Evaluation",
                    "Limitations",
                    "Ethical considerations",
                    "Recommendations");
    static final List<String> CARD_EXTRA_DE =
            List.of(
                    "Die Genauigkeit liegt bei {p} Prozent auf einem zurückgehaltenen Testdatensatz.",
                    "Bei Dunkelheit, Regen und Schnee sinkt die Erkennungsleistung.",
                    "Das Modell ist nicht für Entscheidungen über einzelne Personen gedacht.",
                    "Ein Mensch prüft die Ergebnisse, bevor Maßnahmen ergriffen werden.",
                    "Die Trainingsdaten wurden in {city} zwischen 2022 und 2025 erhoben.",
                    "Vor dem Einsatz in einer anderen Kommune sollte mit eigenen Daten nachtrainiert werden.",
                    "Die Datenschutz-Folgenabschätzung liegt dem Modell bei.");
    static final List<String> CARD_EXTRA_EN =
            List.of(
                    "Accuracy is {p} percent on a held-out test set.",
                    "Detection quality drops in darkness, rain and snow.",
                    "The model is not meant for decisions about individual persons.",
                    "A human reviews the results before any action is taken.",
                    "The training data was collected in {city} between 2022 and 2025.",
                    "Before use in another municipality it should be fine-tuned on local data.",
                    "The data protection impact assessment comes with the model.");

    // --- main --------------------------------------------------------------------------------

    public static void main(String[] args) throws Exception {
        String url = null, user = "postgres", password = "";
        int count = 100_000;
        long seed = 42;
        boolean yes = false, replace = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--url" -> url = args[++i];
                case "--user" -> user = args[++i];
                case "--password" -> password = args[++i];
                case "--count" -> count = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--yes" -> yes = true;
                case "--replace" -> replace = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (url == null || !url.startsWith("jdbc:postgresql:")) {
            fail("give --url jdbc:postgresql://host:port/database (PostgreSQL only)");
        }
        String database =
                url.replaceFirst("^jdbc:postgresql://[^/]*/", "").replaceFirst("[?;].*$", "");
        if (!database.toLowerCase(Locale.ROOT).contains("bench") && !yes) {
            fail(
                    "database '"
                            + database
                            + "' does not look like a benchmark database (its name has no 'bench');"
                            + " this tool writes "
                            + count
                            + " models into it. Add --yes if that is really meant.");
        }
        String jdbc = url + (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
        long started = System.nanoTime();
        try (Connection c = DriverManager.getConnection(jdbc, user, password)) {
            checkSchema(c);
            c.setAutoCommit(false);
            long existing = count(c, "select count(*) from model where owner_id like 'bench-%'");
            if (existing > 0) {
                if (!replace) {
                    fail(
                            database
                                    + " already holds "
                                    + existing
                                    + " benchmark models; add --replace to delete them first.");
                }
                delete(c);
                System.out.printf(Locale.ROOT, "deleted %d earlier benchmark models%n", existing);
            }
            Counts n = new CatalogGenerator(new Random(seed)).write(c, count);
            c.commit();
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("analyze tenant, model, model_tag, model_version");
            }
            System.out.printf(
                    Locale.ROOT,
                    "GENERATED models=%d versions=%d tags=%d tenants=%d public_released=%d"
                            + " seconds=%.1f database=%s%n",
                    n.models,
                    n.versions,
                    n.tags,
                    n.tenants,
                    n.publicReleased,
                    (System.nanoTime() - started) / 1e9,
                    database);
        }
    }

    static void fail(String message) {
        System.err.println("CatalogGenerator: " + message);
        System.exit(2);
    }

    static void checkSchema(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet r =
                        s.executeQuery(
                                "select count(*) from information_schema.columns where table_name ="
                                        + " 'model' and column_name in ('card_text_de',"
                                        + " 'active_tenants', 'released')")) {
            r.next();
            if (r.getInt(1) != 3) {
                fail(
                        "the database has no hub schema of migration V8 or later; start the hub on"
                                + " it once (Flyway creates the tables), then run this again.");
            }
        }
    }

    static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    static void delete(Connection c) throws SQLException {
        String bench = "(select id from model where owner_id like 'bench-%')";
        try (Statement s = c.createStatement()) {
            s.executeUpdate("delete from model_tag where model_id in " + bench);
            s.executeUpdate("delete from model_community where model_id in " + bench);
            s.executeUpdate(
                    "delete from model_card_section where version_id in (select id from"
                            + " model_version where model_id in "
                            + bench
                            + ")");
            s.executeUpdate("delete from model_version where model_id in " + bench);
            s.executeUpdate("delete from model where owner_id like 'bench-%'");
        }
    }

    // --- generation --------------------------------------------------------------------------

    record Counts(long models, long versions, long tags, long tenants, long publicReleased) {}

    record Owner(String id, String displayName, String kind, String city) {}

    private final Random random;

    CatalogGenerator(Random random) {
        this.random = random;
    }

    Counts write(Connection c, int count) throws SQLException {
        List<Owner> owners = owners();
        try (PreparedStatement t =
                c.prepareStatement(
                        "insert into tenant (id, display_name, kind, created_at) values (?, ?, ?,"
                                + " ?) on conflict (id) do nothing")) {
            for (Owner o : owners) {
                t.setString(1, o.id);
                t.setString(2, o.displayName);
                t.setString(3, o.kind);
                t.setObject(4, time(NOW.minus(Duration.ofDays(1200))));
                t.addBatch();
            }
            t.executeBatch();
        }
        long versions = 0, tags = 0, publicReleased = 0;
        try (PreparedStatement m =
                        c.prepareStatement(
                                "insert into model (id, owner_id, name, display_name_de,"
                                        + " display_name_en, description_de, description_en, task,"
                                        + " domain, license, visibility, requested_visibility,"
                                        + " created_at, created_by, updated_at, row_version, released,"
                                        + " risk_class, maturity, active_tenants, latest_version,"
                                        + " latest_format, card_text_de, card_text_en) values (?, ?, ?,"
                                        + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                                        + " ?)");
                PreparedStatement tg =
                        c.prepareStatement("insert into model_tag (model_id, tag) values (?, ?)");
                PreparedStatement v =
                        c.prepareStatement(
                                "insert into model_version (id, model_id, version, version_major,"
                                        + " version_minor, version_patch, changelog, status,"
                                        + " review_comment, created_at, created_by, submitted_at,"
                                        + " reviewed_at, reviewed_by, artifact_sha256, artifact_format,"
                                        + " artifact_size, artifact_engine, inspected_at, row_version)"
                                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                                        + " ?, ?, ?)")) {
            for (int i = 0; i < count; i++) {
                Entry e = entry(i, owners);
                int k = 1;
                m.setObject(k++, e.id);
                m.setString(k++, e.owner.id);
                m.setString(k++, e.name);
                m.setString(k++, e.nameDe);
                m.setString(k++, e.nameEn);
                m.setString(k++, e.descriptionDe);
                m.setString(k++, e.descriptionEn);
                m.setString(k++, e.task);
                m.setString(k++, e.domain);
                m.setString(k++, e.license);
                m.setString(k++, e.visibility);
                m.setString(k++, e.requestedVisibility);
                m.setObject(k++, time(e.created));
                m.setString(k++, e.createdBy);
                m.setObject(k++, time(e.updated));
                m.setLong(k++, e.versions.size() * 2L);
                m.setBoolean(k++, e.latest != null);
                m.setString(k++, e.riskClass);
                m.setString(k++, e.maturity);
                m.setInt(k++, e.activeTenants);
                m.setString(k++, e.latest == null ? null : e.latest.version);
                m.setString(k++, e.latest == null ? null : e.latest.format);
                m.setString(k++, e.latest == null ? null : e.cardDe);
                m.setString(k++, e.latest == null ? null : e.cardEn);
                m.addBatch();
                for (String tag : e.tags) {
                    tg.setObject(1, e.id);
                    tg.setString(2, tag);
                    tg.addBatch();
                    tags++;
                }
                for (Version ver : e.versions) {
                    k = 1;
                    v.setObject(k++, ver.id);
                    v.setObject(k++, e.id);
                    v.setString(k++, ver.version);
                    v.setInt(k++, ver.major);
                    v.setInt(k++, ver.minor);
                    v.setInt(k++, ver.patch);
                    v.setString(k++, ver.changelog);
                    v.setString(k++, ver.status);
                    v.setString(k++, ver.reviewed == null ? null : "ok");
                    v.setObject(k++, time(ver.created));
                    v.setString(k++, e.createdBy);
                    v.setObject(k++, ver.submitted == null ? null : time(ver.submitted));
                    v.setObject(k++, ver.reviewed == null ? null : time(ver.reviewed));
                    v.setString(k++, ver.reviewed == null ? null : "carla.curator");
                    v.setString(k++, ver.sha256);
                    v.setString(k++, ver.format);
                    v.setObject(k++, ver.format == null ? null : ver.size);
                    v.setString(k++, ver.engine);
                    v.setObject(k++, ver.format == null ? null : time(ver.created.plusSeconds(40)));
                    v.setLong(k++, 1);
                    v.addBatch();
                    versions++;
                }
                if ("PUBLIC".equals(e.visibility) && e.latest != null) {
                    publicReleased++;
                }
                if ((i + 1) % BATCH == 0 || i == count - 1) {
                    m.executeBatch();
                    tg.executeBatch();
                    v.executeBatch();
                }
                if ((i + 1) % 20_000 == 0) {
                    System.out.printf(Locale.ROOT, "  %d models%n", i + 1);
                }
            }
        }
        return new Counts(count, versions, tags, owners.size(), publicReleased);
    }

    List<Owner> owners() {
        List<Owner> owners = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            String city = CITIES.get((i - 1) % CITIES.size());
            owners.add(
                    new Owner(
                            String.format(Locale.ROOT, "bench-kommune-%03d", i),
                            String.format(Locale.ROOT, "Benchmark-Kommune %03d (%s)", i, city),
                            "MUNICIPALITY",
                            city));
        }
        for (int i = 1; i <= 10; i++) {
            String city = CITIES.get((i * 7) % CITIES.size());
            owners.add(
                    new Owner(
                            String.format(Locale.ROOT, "bench-forschung-%02d", i),
                            String.format(Locale.ROOT, "Benchmark-Hochschule %02d (%s)", i, city),
                            "RESEARCH",
                            city));
        }
        return owners;
    }

    record Version(
            UUID id,
            String version,
            int major,
            int minor,
            int patch,
            String status,
            String changelog,
            Instant created,
            Instant submitted,
            Instant reviewed,
            String sha256,
            String format,
            long size,
            String engine) {}

    record Entry(
            UUID id,
            Owner owner,
            String name,
            String nameDe,
            String nameEn,
            String descriptionDe,
            String descriptionEn,
            String task,
            String domain,
            String license,
            String visibility,
            String requestedVisibility,
            Instant created,
            Instant updated,
            String createdBy,
            String riskClass,
            String maturity,
            int activeTenants,
            Set<String> tags,
            List<Version> versions,
            Version latest,
            String cardDe,
            String cardEn) {}

    Entry entry(int i, List<Owner> owners) {
        // a few themes are far more common, as in a real catalog (people counting, parking,
        // traffic)
        Theme th = THEMES.get(skewed(THEMES.size()));
        int variant = random.nextInt(th.namesDe.size());
        int place = random.nextInt(PLACES_DE.size());
        String arch = pick(ARCHITECTURES);
        Owner owner = owners.get(skewed(owners.size()));
        String nameDe = th.namesDe.get(variant);
        String nameEn = th.namesEn.get(Math.min(variant, th.namesEn.size() - 1));
        int shape = random.nextInt(4);
        if (shape == 0) {
            nameDe += " " + PLACES_DE.get(place);
            nameEn += " " + PLACES_EN.get(place);
        } else if (shape == 1) {
            nameDe += " (" + arch + ")";
            nameEn += " (" + arch + ")";
        } else if (shape == 2) {
            nameDe += " " + owner.city;
            nameEn += " " + owner.city;
        }
        String name =
                String.format(Locale.ROOT, "%s-%s-%05d", th.slug, slug(PLACES_EN.get(place)), i);

        String city = pick(CITIES);
        List<String> de = new ArrayList<>();
        List<String> en = new ArrayList<>();
        sentences(th.sentencesDe, th.sentencesEn, 1 + random.nextInt(3), de, en);
        sentences(GENERIC_DE, GENERIC_EN, random.nextInt(3), de, en);
        int examples = 500 + random.nextInt(50_000);
        String descriptionDe = fill(String.join(" ", de), examples, city);
        String descriptionEn = fill(String.join(" ", en), examples, city);
        if (random.nextInt(20) == 0) {
            descriptionEn = null; // some publishers write German only
        }

        String task = pick(th.tasks);
        String domain = pick(th.domains);
        String license = pick(LICENSES);
        Set<String> tags = new LinkedHashSet<>();
        int tagCount = 1 + random.nextInt(5);
        for (int t = 0; t < tagCount; t++) {
            tags.add(pick(th.tags));
        }
        if (random.nextInt(4) == 0) {
            tags.add(arch.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} -]", ""));
        }

        // created between three years and 300 days ago, so that later versions stay in the past
        Instant created =
                NOW.minus(Duration.ofDays(300))
                        .minus(Duration.ofMinutes(random.nextInt(800 * 24 * 60)));
        // 88 % public and released, 7 % private and released, 5 % private and unreleased
        int r = random.nextInt(100);
        boolean released = r < 95;
        String visibility = r < 88 ? "PUBLIC" : "PRIVATE";
        List<Version> versions = new ArrayList<>();
        Version latest = null;
        String format = formatOf(task);
        String requested = null;
        if (released) {
            int count = 1 + (random.nextInt(10) < 3 ? 1 + random.nextInt(2) : 0);
            int major = random.nextInt(3), minor = random.nextInt(5);
            Instant t = created;
            for (int n = 0; n < count; n++) {
                // all released; with three versions the oldest is deprecated
                String status = count == 3 && n == 0 ? "DEPRECATED" : "PUBLISHED";
                Version v = version(major, minor + n, 0, status, t, format);
                versions.add(v);
                latest = v;
                t = t.plus(Duration.ofDays(10 + random.nextInt(120)));
            }
        } else {
            String status = random.nextBoolean() ? "DRAFT" : "IN_REVIEW";
            versions.add(version(0, 1, 0, status, created, format));
            if (status.equals("IN_REVIEW")) {
                requested = "PUBLIC";
            }
        }
        Instant updated = versions.getLast().created.plus(Duration.ofHours(random.nextInt(72)));
        if (updated.isAfter(NOW)) {
            updated = NOW;
        }
        String riskClass =
                weighted(new String[] {"MINIMAL", "LIMITED", "HIGH", null}, 55, 20, 5, 20);
        if (th.slug.equals("rettungsdienst") && riskClass != null && random.nextBoolean()) {
            riskClass = "HIGH";
        }
        String maturity =
                weighted(
                        new String[] {"EXPERIMENTAL", "PILOT", "PRODUCTION", null}, 30, 35, 20, 15);
        int activeTenants = latest == null ? 0 : activeTenants();
        String cardDe = null, cardEn = null;
        if (latest != null && random.nextInt(5) != 0) {
            String[] card = card(th, city);
            cardDe = card[0];
            cardEn = card[1];
        }
        return new Entry(
                uuid(),
                owner,
                name,
                nameDe,
                nameEn,
                descriptionDe,
                descriptionEn,
                task,
                domain,
                license,
                visibility,
                requested,
                created,
                updated,
                "nutzer-" + (1 + random.nextInt(9)) + "@" + owner.id,
                riskClass,
                maturity,
                activeTenants,
                tags,
                versions,
                latest,
                cardDe,
                cardEn);
    }

    Version version(
            int major, int minor, int patch, String status, Instant created, String format) {
        boolean submitted = !status.equals("DRAFT");
        boolean reviewed = status.equals("PUBLISHED") || status.equals("DEPRECATED");
        boolean hasArtifact = submitted || random.nextBoolean();
        String v = major + "." + minor + "." + patch;
        return new Version(
                uuid(),
                v,
                major,
                minor,
                patch,
                status,
                reviewed ? "Neu trainiert mit weiteren Daten / retrained with more data" : null,
                created,
                submitted ? created.plus(Duration.ofHours(2)) : null,
                reviewed ? created.plus(Duration.ofHours(26)) : null,
                hasArtifact ? sha256("bench " + v + " " + random.nextLong()) : null,
                hasArtifact ? format : null,
                1_000_000L + random.nextInt(200_000_000),
                hasArtifact ? (format.equals("ONNX") ? "OnnxRuntime" : "PyTorch") : null);
    }

    String formatOf(String task) {
        int r = random.nextInt(10);
        return r < 7 ? "ONNX" : r < 9 ? "TORCHSCRIPT" : "DJL_ARCHIVE";
    }

    /** Most models are used nowhere; a few by many municipalities. */
    int activeTenants() {
        int r = random.nextInt(100);
        if (r < 65) {
            return 0;
        }
        if (r < 90) {
            return 1 + random.nextInt(3);
        }
        if (r < 99) {
            return 4 + random.nextInt(12);
        }
        return 16 + random.nextInt(30);
    }

    /** The card of the latest release as plain text: a heading and 1-3 sentences per section. */
    String[] card(Theme th, String city) {
        StringBuilder de = new StringBuilder();
        StringBuilder en = new StringBuilder();
        int sections = 2 + random.nextInt(CARD_HEADINGS_DE.size() - 1);
        int percent = 70 + random.nextInt(29);
        Set<String> used = new HashSet<>();
        for (int s = 0; s < sections; s++) {
            List<String> sd = new ArrayList<>();
            List<String> se = new ArrayList<>();
            int n = 1 + random.nextInt(3);
            for (int k = 0; k < n; k++) {
                boolean own = random.nextInt(3) == 0;
                int at = random.nextInt((own ? th.sentencesDe : CARD_EXTRA_DE).size());
                // each sentence at most once per card
                if (used.add((own ? "t" : "x") + at)) {
                    sd.add((own ? th.sentencesDe : CARD_EXTRA_DE).get(at));
                    se.add((own ? th.sentencesEn : CARD_EXTRA_EN).get(at));
                }
            }
            if (sd.isEmpty()) {
                continue;
            }
            de.append(CARD_HEADINGS_DE.get(s))
                    .append('\n')
                    .append(String.join(" ", sd))
                    .append("\n\n");
            en.append(CARD_HEADINGS_EN.get(s))
                    .append('\n')
                    .append(String.join(" ", se))
                    .append("\n\n");
        }
        return new String[] {
            fill(de.toString().strip(), 0, city).replace("{p}", String.valueOf(percent)),
            fill(en.toString().strip(), 0, city).replace("{p}", String.valueOf(percent))
        };
    }

    /** n distinct sentences at the same positions of the German and English lists. */
    void sentences(
            List<String> de, List<String> en, int n, List<String> outDe, List<String> outEn) {
        Set<Integer> chosen = new LinkedHashSet<>();
        n = Math.min(n, de.size());
        while (chosen.size() < n) {
            chosen.add(random.nextInt(de.size()));
        }
        for (int i : chosen) {
            outDe.add(de.get(i));
            outEn.add(en.get(i));
        }
    }

    static String fill(String text, int examples, String city) {
        return text.replace("{n}", String.format(Locale.GERMANY, "%,d", examples))
                .replace("{city}", city);
    }

    /**
     * Index 0 most often, then falling (about 1/(k+2)), so the catalog has big and small themes.
     */
    int skewed(int size) {
        double total = 0;
        for (int k = 0; k < size; k++) {
            total += 1.0 / (k + 2);
        }
        double x = random.nextDouble() * total;
        for (int k = 0; k < size; k++) {
            x -= 1.0 / (k + 2);
            if (x <= 0) {
                return k;
            }
        }
        return size - 1;
    }

    String weighted(String[] values, int... weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int x = random.nextInt(total);
        for (int k = 0; k < values.length; k++) {
            x -= weights[k];
            if (x < 0) {
                return values[k];
            }
        }
        return values[values.length - 1];
    }

    <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    UUID uuid() {
        // from the seeded generator (version 4 layout), so that the same seed gives the same ids
        long hi = (random.nextLong() & ~0xF000L) | 0x4000L;
        long lo = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(hi, lo);
    }

    static String slug(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    static OffsetDateTime time(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }

    static String sha256(String s) {
        try {
            return HexFormat.of()
                    .formatHex(
                            MessageDigest.getInstance("SHA-256")
                                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
