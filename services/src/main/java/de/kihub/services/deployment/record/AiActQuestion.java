package de.kihub.services.deployment.record;

/**
 * The questions of the hub's EU AI Act questionnaire, one per prohibited practice (Art. 5(1)), per
 * high-risk area (Art. 6(1) and Annex III) and per transparency duty of Art. 50 that depends on
 * what the system does. Each is answered with yes or no for the deployment as it is used.
 */
public enum AiActQuestion {
    MANIPULATIVE_TECHNIQUES(
            "manipulativeTechniques",
            Group.PROHIBITED,
            "Art. 5(1)(a)",
            "Setzt das System unterschwellige, absichtlich manipulative oder täuschende Techniken"
                    + " ein, die das Verhalten von Menschen wesentlich beeinflussen und ihnen"
                    + " erheblich schaden können?",
            "Does the system use subliminal, purposefully manipulative or deceptive techniques"
                    + " that materially distort people's behaviour in a way that can cause"
                    + " significant harm?",
            "Manipulative oder täuschende Techniken, die erheblich schaden können, sind verboten.",
            "Manipulative or deceptive techniques that can cause significant harm are"
                    + " prohibited."),
    EXPLOITS_VULNERABILITIES(
            "exploitsVulnerabilities",
            Group.PROHIBITED,
            "Art. 5(1)(b)",
            "Nutzt das System die Schutzbedürftigkeit von Menschen wegen ihres Alters, einer"
                    + " Behinderung oder ihrer sozialen oder wirtschaftlichen Lage aus, um ihr"
                    + " Verhalten schädlich zu beeinflussen?",
            "Does the system exploit people's vulnerabilities due to age, disability or social or"
                    + " economic situation to distort their behaviour harmfully?",
            "Das Ausnutzen der Schutzbedürftigkeit von Menschen ist verboten.",
            "Exploiting people's vulnerabilities is prohibited."),
    SOCIAL_SCORING(
            "socialScoring",
            Group.PROHIBITED,
            "Art. 5(1)(c)",
            "Bewertet oder klassifiziert das System Menschen über einen Zeitraum nach ihrem"
                    + " sozialen Verhalten oder ihrer Persönlichkeit (Social Scoring), sodass sie"
                    + " in anderen Zusammenhängen oder unverhältnismäßig benachteiligt werden?",
            "Does the system evaluate or classify people over time by their social behaviour or"
                    + " personality (social scoring), leading to detrimental treatment in"
                    + " unrelated contexts or out of proportion?",
            "Social Scoring ist verboten.",
            "Social scoring is prohibited."),
    PREDICTIVE_POLICING(
            "predictivePolicing",
            Group.PROHIBITED,
            "Art. 5(1)(d)",
            "Sagt das System das Risiko voraus, dass eine einzelne Person eine Straftat begeht,"
                    + " allein aufgrund von Profiling oder ihrer Persönlichkeitsmerkmale?",
            "Does the system predict the risk that an individual commits a criminal offence based"
                    + " solely on profiling or on their personality traits?",
            "Die Vorhersage von Straftaten Einzelner allein aus Profiling ist verboten.",
            "Predicting an individual's offences solely from profiling is prohibited."),
    FACIAL_IMAGE_SCRAPING(
            "facialImageScraping",
            Group.PROHIBITED,
            "Art. 5(1)(e)",
            "Erstellt oder erweitert das System Gesichtserkennungsdatenbanken durch das ungezielte"
                    + " Auslesen von Gesichtsbildern aus dem Internet oder aus Videoüberwachung?",
            "Does the system create or expand facial recognition databases through untargeted"
                    + " scraping of facial images from the internet or CCTV footage?",
            "Das ungezielte Auslesen von Gesichtsbildern für Gesichtserkennungsdatenbanken ist"
                    + " verboten.",
            "Untargeted scraping of facial images for recognition databases is prohibited."),
    EMOTION_RECOGNITION_AT_WORK_OR_EDUCATION(
            "emotionRecognitionAtWorkOrEducation",
            Group.PROHIBITED,
            "Art. 5(1)(f)",
            "Erkennt das System Emotionen von Menschen am Arbeitsplatz oder in"
                    + " Bildungseinrichtungen (außer aus medizinischen oder Sicherheitsgründen)?",
            "Does the system infer emotions of people in the workplace or in education"
                    + " institutions (other than for medical or safety reasons)?",
            "Emotionserkennung am Arbeitsplatz und in Bildungseinrichtungen ist verboten.",
            "Emotion recognition in the workplace and in education is prohibited."),
    BIOMETRIC_CATEGORISATION_OF_SENSITIVE_TRAITS(
            "biometricCategorisationOfSensitiveTraits",
            Group.PROHIBITED,
            "Art. 5(1)(g)",
            "Kategorisiert das System Menschen anhand biometrischer Daten, um auf ethnische"
                    + " Herkunft, politische Meinung, Gewerkschaftszugehörigkeit, religiöse oder"
                    + " weltanschauliche Überzeugung, Sexualleben oder sexuelle Orientierung zu"
                    + " schließen?",
            "Does the system categorise people by biometric data to infer their race, political"
                    + " opinions, trade union membership, religious or philosophical beliefs, sex"
                    + " life or sexual orientation?",
            "Biometrische Kategorisierung nach sensiblen Merkmalen ist verboten.",
            "Biometric categorisation by sensitive traits is prohibited."),
    REAL_TIME_REMOTE_BIOMETRIC_IDENTIFICATION_FOR_LAW_ENFORCEMENT(
            "realTimeRemoteBiometricIdentificationForLawEnforcement",
            Group.PROHIBITED,
            "Art. 5(1)(h)",
            "Identifiziert das System Menschen biometrisch aus der Ferne und in Echtzeit (z. B."
                    + " Gesichtserkennung im Live-Kamerabild) in öffentlich zugänglichen Räumen"
                    + " zur Strafverfolgung?",
            "Does the system identify people biometrically, remotely and in real time (e.g. face"
                    + " recognition on a live camera feed) in publicly accessible spaces for law"
                    + " enforcement?",
            "Biometrische Echtzeit-Fernidentifizierung in öffentlich zugänglichen Räumen zur"
                    + " Strafverfolgung ist verboten (die engen Ausnahmen des Art. 5(1)(h) setzen"
                    + " ein nationales Gesetz und eine richterliche Genehmigung voraus und werden"
                    + " vom Hub nicht unterstützt).",
            "Real-time remote biometric identification in publicly accessible spaces for law"
                    + " enforcement is prohibited (the narrow exceptions of Art. 5(1)(h) need a"
                    + " national law and judicial authorisation; the hub does not support them)."),
    SAFETY_COMPONENT(
            "safetyComponent",
            Group.PRODUCT_SAFETY,
            "Art. 6(1), Annex I",
            "Ist das System ein Sicherheitsbauteil eines Produkts (oder selbst ein Produkt), das"
                    + " unter die Harmonisierungsvorschriften des Anhangs I fällt und von Dritten"
                    + " auf Konformität geprüft werden muss (z. B. Maschinen, Aufzüge,"
                    + " Medizinprodukte)?",
            "Is the system a safety component of a product (or itself a product) covered by the"
                    + " Union harmonisation legislation of Annex I that needs a third-party"
                    + " conformity assessment (e.g. machinery, lifts, medical devices)?",
            "Sicherheitsbauteile von Produkten nach Anhang I sind Hochrisiko-KI-Systeme.",
            "Safety components of Annex I products are high-risk AI systems."),
    BIOMETRIC_IDENTIFICATION(
            "biometricIdentification",
            Group.HIGH_RISK,
            "Annex III 1(a)",
            "Identifiziert das System Menschen anhand biometrischer Merkmale (z. B."
                    + " Gesichtserkennung), auch nachträglich oder für eine Zutrittskontrolle –"
                    + " also mehr als die bloße Bestätigung, dass eine Person die ist, die sie zu"
                    + " sein angibt?",
            "Does the system identify people by biometric features (e.g. face recognition), also"
                    + " after the fact or for access control – that is, more than merely"
                    + " verifying that a person is who they claim to be?",
            "Biometrische Fernidentifizierung ist ein Hochrisiko-Bereich.",
            "Remote biometric identification is a high-risk area."),
    BIOMETRIC_CATEGORISATION(
            "biometricCategorisation",
            Group.HIGH_RISK,
            "Annex III 1(b)",
            "Ordnet das System Menschen anhand biometrischer Daten nach sensiblen oder geschützten"
                    + " Merkmalen in Kategorien ein?",
            "Does the system categorise people by biometric data according to sensitive or"
                    + " protected attributes?",
            "Biometrische Kategorisierung ist ein Hochrisiko-Bereich.",
            "Biometric categorisation is a high-risk area."),
    EMOTION_RECOGNITION(
            "emotionRecognition",
            Group.HIGH_RISK,
            "Annex III 1(c)",
            "Erkennt das System Emotionen oder Absichten von Menschen anhand biometrischer Daten?",
            "Does the system recognise people's emotions or intentions from biometric data?",
            "Emotionserkennung ist ein Hochrisiko-Bereich.",
            "Emotion recognition is a high-risk area."),
    CRITICAL_INFRASTRUCTURE(
            "criticalInfrastructure",
            Group.HIGH_RISK,
            "Annex III 2",
            "Ist das System ein Sicherheitsbauteil beim Betrieb kritischer digitaler"
                    + " Infrastruktur, des Straßenverkehrs oder der Wasser-, Gas-, Wärme- oder"
                    + " Stromversorgung?",
            "Is the system a safety component in the management and operation of critical"
                    + " digital infrastructure, road traffic, or the supply of water, gas, heating"
                    + " or electricity?",
            "Sicherheitsbauteile kritischer Infrastruktur sind ein Hochrisiko-Bereich.",
            "Safety components of critical infrastructure are a high-risk area."),
    EDUCATION(
            "education",
            Group.HIGH_RISK,
            "Annex III 3",
            "Entscheidet oder beeinflusst das System den Zugang zu Bildung, bewertet es"
                    + " Lernergebnisse, bestimmt es das Bildungsniveau oder überwacht es"
                    + " Prüfungen?",
            "Does the system decide on or influence access to education, evaluate learning"
                    + " outcomes, assess the level of education or monitor tests?",
            "Allgemeine und berufliche Bildung ist ein Hochrisiko-Bereich.",
            "Education and vocational training is a high-risk area."),
    EMPLOYMENT(
            "employment",
            Group.HIGH_RISK,
            "Annex III 4",
            "Wird das System bei Einstellung, Beförderung, Kündigung, Aufgabenverteilung oder bei"
                    + " der Überwachung und Bewertung von Beschäftigten eingesetzt?",
            "Is the system used in recruitment, promotion, termination, task allocation or the"
                    + " monitoring and evaluation of workers?",
            "Beschäftigung und Personalmanagement ist ein Hochrisiko-Bereich.",
            "Employment and workers management is a high-risk area."),
    ESSENTIAL_SERVICES(
            "essentialServices",
            Group.HIGH_RISK,
            "Annex III 5",
            "Entscheidet oder beeinflusst das System den Zugang zu öffentlichen"
                    + " Unterstützungsleistungen (z. B. Sozialleistungen), die Kreditwürdigkeit,"
                    + " Lebens- oder Krankenversicherungstarife oder die Einstufung von Notrufen"
                    + " und Rettungseinsätzen?",
            "Does the system decide on or influence eligibility for public assistance benefits and"
                    + " services, creditworthiness, life or health insurance pricing, or the"
                    + " triage of emergency calls and dispatch?",
            "Der Zugang zu grundlegenden Diensten und Leistungen ist ein Hochrisiko-Bereich.",
            "Access to essential services and benefits is a high-risk area."),
    LAW_ENFORCEMENT(
            "lawEnforcement",
            Group.HIGH_RISK,
            "Annex III 6",
            "Wird das System von oder für Strafverfolgungsbehörden eingesetzt (z. B."
                    + " Risikobewertung von Personen, Bewertung von Beweismitteln, Profiling bei"
                    + " Ermittlungen)?",
            "Is the system used by or for law enforcement authorities (e.g. risk assessment of"
                    + " persons, evaluating evidence, profiling in investigations)?",
            "Strafverfolgung ist ein Hochrisiko-Bereich.",
            "Law enforcement is a high-risk area."),
    MIGRATION(
            "migration",
            Group.HIGH_RISK,
            "Annex III 7",
            "Wird das System bei Migration, Asyl oder Grenzkontrolle eingesetzt (z. B. Prüfung"
                    + " von Anträgen, Risikobewertung, Identifizierung von Personen)?",
            "Is the system used in migration, asylum or border control (e.g. examining"
                    + " applications, risk assessment, identifying persons)?",
            "Migration, Asyl und Grenzkontrolle ist ein Hochrisiko-Bereich.",
            "Migration, asylum and border control is a high-risk area."),
    JUSTICE_AND_DEMOCRACY(
            "justiceAndDemocracy",
            Group.HIGH_RISK,
            "Annex III 8",
            "Unterstützt das System Justizbehörden bei der Ermittlung und Auslegung von"
                    + " Sachverhalten und Recht, oder soll es den Ausgang von Wahlen und"
                    + " Abstimmungen oder das Wahlverhalten beeinflussen?",
            "Does the system assist judicial authorities in researching and interpreting facts"
                    + " and the law, or is it meant to influence the outcome of elections or"
                    + " referendums or voting behaviour?",
            "Rechtspflege und demokratische Prozesse sind ein Hochrisiko-Bereich.",
            "Administration of justice and democratic processes is a high-risk area."),
    INTERACTS_WITH_PEOPLE(
            "interactsWithPeople",
            Group.TRANSPARENCY,
            "Art. 50(1)",
            "Interagiert das System direkt mit Menschen (z. B. ein Chatbot oder Sprachassistent)?",
            "Does the system interact directly with people (e.g. a chatbot or voice assistant)?",
            "Menschen müssen erfahren, dass sie mit einem KI-System interagieren.",
            "People must be told that they are interacting with an AI system."),
    GENERATES_SYNTHETIC_CONTENT(
            "generatesSyntheticContent",
            Group.TRANSPARENCY,
            "Art. 50(2)",
            "Erzeugt das System synthetische Audio-, Bild-, Video- oder Textinhalte?",
            "Does the system generate synthetic audio, image, video or text content?",
            "Erzeugte Inhalte müssen maschinenlesbar als künstlich erzeugt gekennzeichnet sein.",
            "Generated content must be marked as artificially generated in a machine-readable"
                    + " way."),
    DEEP_FAKES(
            "deepFakes",
            Group.TRANSPARENCY,
            "Art. 50(4)",
            "Erzeugt oder verändert das System Bilder, Ton oder Videos, die wirklichen Personen,"
                    + " Orten oder Ereignissen ähneln und echt wirken (Deepfakes)?",
            "Does the system generate or manipulate image, audio or video content resembling real"
                    + " persons, places or events that would appear authentic (deep fakes)?",
            "Deepfakes müssen als künstlich erzeugt oder verändert offengelegt werden.",
            "Deep fakes must be disclosed as artificially generated or manipulated."),
    PUBLIC_INTEREST_TEXT(
            "publicInterestText",
            Group.TRANSPARENCY,
            "Art. 50(4)",
            "Erzeugt oder verändert das System Texte, die veröffentlicht werden, um die"
                    + " Öffentlichkeit über Angelegenheiten von öffentlichem Interesse zu"
                    + " informieren?",
            "Does the system generate or manipulate text published to inform the public on"
                    + " matters of public interest?",
            "Solche Texte müssen als KI-erzeugt offengelegt werden, außer sie werden redaktionell"
                    + " geprüft und verantwortet.",
            "Such text must be disclosed as AI-generated unless it is under human editorial"
                    + " review and responsibility.");

    /** Which part of the Act a question belongs to. */
    public enum Group {
        PROHIBITED,
        PRODUCT_SAFETY,
        HIGH_RISK,
        TRANSPARENCY
    }

    private final String key;
    private final Group group;
    private final String article;
    private final String questionDe;
    private final String questionEn;
    private final AiActReason reason;

    AiActQuestion(
            String key,
            Group group,
            String article,
            String questionDe,
            String questionEn,
            String reasonDe,
            String reasonEn) {
        this.key = key;
        this.group = group;
        this.article = article;
        this.questionDe = questionDe;
        this.questionEn = questionEn;
        this.reason = new AiActReason(article, reasonDe, reasonEn);
    }

    public String key() {
        return key;
    }

    public Group group() {
        return group;
    }

    public String article() {
        return article;
    }

    public String question(String language) {
        return "en".equals(language) ? questionEn : questionDe;
    }

    /** The reason a "yes" to this question gives. */
    public AiActReason reason() {
        return reason;
    }
}
