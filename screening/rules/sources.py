"""The sources of clinical-rules.md section 9: id -> title, publisher, year, tier.

Pure data (no Django). ``tier`` is the authority: A regulator or national body, B peer-reviewed,
C case report or reproduction, D clinic or commercial page (staff only, never cited to patients),
"—" not a clinical source. ``used_for`` says what the catalogue takes from it.
"""

# ruff: noqa: E501  (a data table: long titles stay on one line, as in the catalogue)

from __future__ import annotations

from typing import TypedDict


class Source(TypedDict):
    title: str
    publisher: str
    year: str
    tier: str
    used_for: str


SOURCES: dict[str, Source] = {
    "S1": {
        "title": "FAQ: Dry needling adverse events (physiotherapyalberta.ca)",
        "publisher": "Physiotherapy Alberta (now College of Physiotherapists of Alberta, CPTA)",
        "year": "c.2015",
        "tier": "A",
        "used_for": "Consent must cover material and special risks; mild / significant / serious scale.",
    },
    "S2": {
        "title": "Dry needling critical event management guideline",
        "publisher": "Physiotherapy Alberta",
        "year": "c.2015",
        "tier": "A",
        "used_for": "Each practice needs an adverse-event plan.",
    },
    "S3": {
        "title": "Reference list for dry needling safety practice supports",
        "publisher": "Physiotherapy Alberta",
        "year": "c.2015",
        "tier": "A",
        "used_for": "The evidence the regulator relies on.",
    },
    "S4": {
        "title": "Understanding dry needling risks and consent (public blog, cpta.ab.ca)",
        "publisher": "CPTA",
        "year": "n.d.",
        "tier": "A",
        "used_for": "Patient-facing consent steps; pregnancy only when injured or in pain.",
    },
    "S5": {
        "title": "Good practice: consent in minors (cpta.ab.ca)",
        "publisher": "CPTA",
        "year": "n.d.",
        "tier": "A",
        "used_for": "Guardian consent; mature minor after a capacity assessment.",
    },
    "S6": {
        "title": "Consent guide",
        "publisher": "CPTA / Physiotherapy Alberta",
        "year": "n.d.",
        "tier": "A",
        "used_for": "Consent is voluntary, capable, specific, informed and can be withdrawn.",
    },
    "S7": {
        "title": "Restricted activities; notice on physiotherapist interns",
        "publisher": "CPTA",
        "year": "2023",
        "tier": "A",
        "used_for": "Needling needs authorization; interns may not needle.",
    },
    "S8": {
        "title": "Frequently asked needling questions – answered",
        "publisher": "Physiotherapy Alberta (N. Littke)",
        "year": "2019",
        "tier": "A",
        "used_for": "About half of Alberta physiotherapists authorized; public register.",
    },
    "S9": {
        "title": "The safe practice of dry needling in Alberta (hqca.ca)",
        "publisher": "Health Quality Council of Alberta",
        "year": "2014",
        "tier": "A",
        "used_for": "Independent review prompted by pneumothorax after needling.",
    },
    "S10": {
        "title": "Guidelines for dry needling practice",
        "publisher": "Irish Society of Chartered Physiotherapists (McEvoy et al.)",
        "year": "2012",
        "tier": "A",
        "used_for": "Absolute and relative contraindication lists.",
    },
    "S10a": {
        "title": "Reproductions of the ISCP / APTA contraindication lists",
        "publisher": "physioman.in; physilife.in; anna.physio",
        "year": "n.d.",
        "tier": "C",
        "used_for": "The list text (the ISCP original was not readable).",
    },
    "S11": {
        "title": "Description of dry needling in clinical practice; Physical therapists and the performance of dry needling",
        "publisher": "American Physical Therapy Association",
        "year": "2013; 2012",
        "tier": "A",
        "used_for": "Bleeding tendency: caution, avoid non-compressible deep muscles.",
    },
    "S12": {
        "title": "Trigger point dry needling: safety guidelines (book chapter)",
        "publisher": "J. McEvoy, in Dommerholt & Fernández-de-las-Peñas (eds)",
        "year": "2013",
        "tier": "B",
        "used_for": "Distils ISCP; staff and third-party safety.",
    },
    "S13": {
        "title": "Guidelines for safe acupuncture and dry needling practice",
        "publisher": "Australian Society of Acupuncture Physiotherapists",
        "year": "2007; rev. 2013, 2018",
        "tier": "A",
        "used_for": "High-risk situations (content via S13a).",
    },
    "S13a": {
        "title": "Contraindications and precautions for acupuncture and dry needling (clinic handbook following ASAP)",
        "publisher": "Goldfields Physio Hub",
        "year": "n.d.",
        "tier": "C",
        "used_for": "Prohibited areas, lymphoedema, breast tissue, varicose veins, pregnancy consent, pacemakers, confused patients, infant scalp.",
    },
    "S14": {
        "title": "AACP guidelines for safe practice, v2",
        "publisher": "Acupuncture Association of Chartered Physiotherapists (UK)",
        "year": "2012",
        "tier": "A",
        "used_for": "Points avoided in pregnancy: LI4, SP6, BL60, BL67, BL31–34.",
    },
    "S15": {
        "title": "Swiss guidelines for safe dry needling v1.7",
        "publisher": "Dry Needling Verband Schweiz",
        "year": "2014",
        "tier": "A",
        "used_for": "Built on ISCP (only the contents page was readable).",
    },
    "S16": {
        "title": "Dry needling – best practice guidelines (ais.gov.au)",
        "publisher": "Australian Institute of Sport",
        "year": "n.d.",
        "tier": "A",
        "used_for": "Limit needling in high-risk areas such as the lung fields.",
    },
    "S17": {
        "title": "Adverse events following trigger point dry needling: a prospective survey of chartered physiotherapists",
        "publisher": "Brady, McEvoy, Dommerholt, Doody, J Man Manip Ther",
        "year": "2014",
        "tier": "B",
        "used_for": "7,629 treatments; minor-event rates; no serious events.",
    },
    "S18": {
        "title": "Adverse events associated with therapeutic dry needling",
        "publisher": "Boyce et al., Int J Sports Phys Ther",
        "year": "2020",
        "tier": "B",
        "used_for": "About 20,000 sessions; minor and major event rates.",
    },
    "S19": {
        "title": "Adverse events following acupuncture: prospective survey of 32,000 consultations",
        "publisher": "White, Hayhoe, Hart, Ernst, BMJ",
        "year": "2001",
        "tier": "B",
        "used_for": "Severity scale used by S1.",
    },
    "S20": {
        "title": "Safety of acupuncture: 229,230 patients, with a consent form",
        "publisher": "Witt et al., Forsch Komplementmed",
        "year": "2009",
        "tier": "B",
        "used_for": "Two pneumothoraces; bleeding and pain rates.",
    },
    "S21": {
        "title": "Safety results of the German statutory-insurance acupuncture programme",
        "publisher": "University of Zurich eprint",
        "year": "c.2005–07",
        "tier": "B",
        "used_for": "17 serious events, 5 pneumothoraces.",
    },
    "S22": {
        "title": "Acupuncture-related adverse events: systematic review and meta-analyses",
        "publisher": "Bäumler, Zhang, Stübinger, Irnich, BMJ Open",
        "year": "2021",
        "tier": "B",
        "used_for": "Pooled rates; serious events per million treatments.",
    },
    "S23": {
        "title": "Patient-reported adverse events and short-term reactions to acupuncture",
        "publisher": "MacPherson et al., Qual Saf Health Care; Acupunct Med",
        "year": "2004–05",
        "tier": "B",
        "used_for": "Tiredness after treatment; driving advice.",
    },
    "S24": {
        "title": "The safety of pediatric acupuncture: a systematic review",
        "publisher": "Adams … Vohra (University of Alberta), Pediatrics",
        "year": "2011",
        "tier": "B",
        "used_for": "Side effects in people aged 0–17.",
    },
    "S25": {
        "title": "Acupuncture safety in patients receiving anticoagulants: a systematic review",
        "publisher": "McCulloch et al., Perm J",
        "year": "2015",
        "tier": "B",
        "used_for": "384 anticoagulated patients, one moderate bleed.",
    },
    "S26": {
        "title": "Dry needling and antithrombotic drugs (with AOPT summary)",
        "publisher": "Muñoz, Dommerholt et al., Pain Res Manag",
        "year": "2022",
        "tier": "B",
        "used_for": "Antithrombotics not an absolute bar; ask about bleeding; start gently.",
    },
    "S27": {
        "title": "New perspectives on dry needling following a medical model",
        "publisher": "Kearns, Fernández-de-las-Peñas, Brismée, Gan, Doidge, JMMT",
        "year": "2019",
        "tier": "B/C",
        "used_for": "System-by-system medical screening; red flags.",
    },
    "S28": {
        "title": "Pertinent dry needling considerations for minimizing adverse effects, parts 1 and 2",
        "publisher": "Halle & Halle, IJSPT",
        "year": "2016",
        "tier": "C",
        "used_for": "Thorax and other regional risks; fainting; fearful patient.",
    },
    "S29": {
        "title": "Thoracic depth studies (cadaver, ultrasound, positional)",
        "publisher": "Kearns et al.; Valera-Calero et al.; Physiotherapy (CSP)",
        "year": "2019–22",
        "tier": "B",
        "used_for": "BMI, sex, needle length and position change pleura depth.",
    },
    "S30": {
        "title": "Pneumothorax after dry needling: case reports and series",
        "publisher": "Mintken, Denman, Dommerholt; Patel et al.; others",
        "year": "2011–25",
        "tier": "C",
        "used_for": "Who is affected, which regions, when symptoms appear.",
    },
    "S31": {
        "title": "HDC decision 15HDC00947 (acupuncture in a patient with scoliosis)",
        "publisher": "NZ Health and Disability Commissioner",
        "year": "2017",
        "tier": "A",
        "used_for": "Scoliosis risk not disclosed; no safety-netting advice.",
    },
    "S32": {
        "title": "Infection of a hip prosthesis after dry needling; surgeon guidance",
        "publisher": "Steentjes et al., Ned Tijdschr Geneeskd; Scottsdale Hip & Knee",
        "year": "2016; 2024",
        "tier": "C",
        "used_for": "Prosthetic infection after needling.",
    },
    "S33": {
        "title": "Lymphoedema and needling",
        "publisher": "Cassileth et al.; Lee et al.; Lymphoedema Framework summary",
        "year": "2011–24",
        "tier": "B/C",
        "used_for": "Guidance avoids the limb; limited data show no harm.",
    },
    "S34": {
        "title": "Electroacupuncture and implanted devices",
        "publisher": "Cummings, Acupunct Med; BMAS blog; Sierpina & Frenkel, South Med J",
        "year": "2005–23",
        "tier": "B/C",
        "used_for": "No e-stim near devices; device manuals; unsuitable patients.",
    },
    "S35": {
        "title": 'Pregnancy: "forbidden points" revisited; NZ physiotherapist survey',
        "publisher": "Carr, Acupunct Med; J Integr Med",
        "year": "2015; 2019",
        "tier": "B",
        "used_for": "No objective evidence of harm; many clinicians still avoid.",
    },
    "S36": {
        "title": "Nickel dermatitis from needles; nickel allergy prevalence",
        "publisher": "Contact Dermatitis case reports; Torres et al.",
        "year": "1979–2009",
        "tier": "B/C",
        "used_for": "Stainless steel contains nickel.",
    },
    "S37": {
        "title": "Epilepsy and acupuncture",
        "publisher": "Beable, Acupunct Med; British Acupuncture Council Q&A",
        "year": "2013; n.d.",
        "tier": "C",
        "used_for": "No e-stim in epilepsy; extra care if poorly controlled.",
    },
    "S38": {
        "title": "Acupuncture-associated vasovagal response",
        "publisher": "Med Acupunct",
        "year": "2017",
        "tier": "B/C",
        "used_for": "Fainting in 0.02–7% of treatments.",
    },
    "S39": {
        "title": "Acupuncture in cancer care: international expert recommendations; ECAM table",
        "publisher": "de Valois et al., Support Care Cancer; Evid Based Complement Alternat Med",
        "year": "2024; 2013",
        "tier": "B",
        "used_for": "Neutropenia, spleen, tumour, prosthesis, spinal instability, confusion, needle phobia.",
    },
    "S40": {
        "title": "Recent dry needling practice surveys (Spain, Poland)",
        "publisher": "Valera-Calero et al., Medicina; J Clin Med",
        "year": "2024",
        "tier": "B",
        "used_for": "Soreness and bent needles most common; severe events rare.",
    },
    "S41": {
        "title": "Adverse events reported in dry needling trials (table)",
        "publisher": "J Clin Med systematic review",
        "year": "2020",
        "tier": "B",
        "used_for": "Post-needling soreness rates.",
    },
    "S42": {
        "title": "Acupuncture-related cardiac complications: systematic review",
        "publisher": "J Invasive Cardiol",
        "year": "2019",
        "tier": "B",
        "used_for": "Endocarditis and tamponade cases.",
    },
    "S43": {
        "title": "Comparators on minors (age thresholds elsewhere; Alberta summaries)",
        "publisher": "BAcC; HCPG; takeactionforkids; Alberta Law Reform Institute; Children's Health Dallas",
        "year": "n.d.",
        "tier": "C/D",
        "used_for": "Context only; Alberta age of majority 18.",
    },
    "S44": {
        "title": "Can someone on blood thinners have acupuncture?",
        "publisher": "British Acupuncture Council",
        "year": "n.d.",
        "tier": "C",
        "used_for": "Superficial needling on warfarin; more frequent INR checks.",
    },
    "S45": {
        "title": "Dry needling in the management of musculoskeletal pain",
        "publisher": "Kalichman & Vulfsons, J Am Board Fam Med",
        "year": "2010",
        "tier": "B",
        "used_for": "Superficial needling over lungs and large vessels.",
    },
    "S46": {
        "title": "Clinic and commercial screening examples",
        "publisher": "Various clinic forms and pages",
        "year": "n.d.",
        "tier": "D",
        "used_for": 'What clinics ask; the "INR ≤ 3" rule of thumb. Staff only.',
    },
    "S47": {
        "title": "HL7 FHIR Structured Data Capture implementation guide (hl7.org/fhir/uv/sdc)",
        "publisher": "HL7 International",
        "year": "current",
        "tier": "—",
        "used_for": "Standard for a later FHIR export; not a clinical source.",
    },
    "S48": {
        "title": "NKF-KDOQI clinical practice guidelines for vascular access (2006 update)",
        "publisher": "National Kidney Foundation",
        "year": "2006",
        "tier": "A",
        "used_for": (
            "Veins of the access arm are preserved; access complications are a leading cause "
            "of admission. Basis of dialysis_access_limb (1.1.0)."
        ),
    },
}

# Sources that may be cited on pages a patient sees (tier D is for staff wording only).
PATIENT_CITABLE: frozenset[str] = frozenset(
    sid for sid, source in SOURCES.items() if "D" not in source["tier"].split("/")
)
