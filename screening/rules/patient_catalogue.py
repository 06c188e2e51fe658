# ruff: noqa: E501  (one message per line: a generated table, diffed by tests)
"""Every patient message the rules can produce, as message ids for the translation catalogue.

The engine writes the English text into the assessment (the contract's public wording);
the pages a patient reads translate it at the edge with gettext
(screening/intake/patient_messages.py), and locale/<language>/LC_MESSAGES/django.po holds
the translations. Marking each message with ``gettext_noop`` here lets `makemessages`
extract them without the rules importing Django. tests/rules/test_patient_catalogue.py reads
the rules' source and fails when a message is missing here or has no translation.
"""

from __future__ import annotations


def gettext_noop(message: str) -> str:
    """The marker `makemessages` extracts (the name it knows); returns the text unchanged."""
    return message


PATIENT_MESSAGES = frozenset(
    {
        gettext_noop(
            "Because lymph nodes were treated, the arm or leg on that side can swell more easily, for life. Your physiotherapist will usually not put needles in it, and will explain the options."
        ),
        gettext_noop(
            "Because of how your diabetes is affecting you right now, we will check with your doctor before using needles. Other physiotherapy can go ahead."
        ),
        gettext_noop(
            "Because of your heart device, we will not use electrical stimulation with the needles, and we will not put needles near the device. Needling in other areas may still be an option."
        ),
        gettext_noop(
            "Because of your heart history, we will take extra care to keep your skin and the needles clean. Your physiotherapist may check with your doctor."
        ),
        gettext_noop(
            "Because of your medical device, we will not use electrical stimulation. We will also keep needles away from the device, its wires and the spot where it sits."
        ),
        gettext_noop(
            "Because you had a blood clot recently, we will check with the doctor treating it before using needles, and we will not put needles in that arm or leg for now. Other physiotherapy can go ahead. If you get chest pain, shortness of breath, or more pain or swelling in the limb, get medical help right away."
        ),
        gettext_noop(
            "Because you had surgery recently, we will keep needles away from the area that is healing."
        ),
        gettext_noop(
            "Because you have a condition that affects blood clotting, we will ask your doctor to confirm that needling is safe for you before we use it. Other physiotherapy can go ahead."
        ),
        gettext_noop(
            "Because you have cancer now or had treatment recently, we will check with your cancer care team or doctor before using needles. Other physiotherapy can go ahead."
        ),
        gettext_noop(
            "Because you have diabetes, your physiotherapist will take extra care with your skin and feet and will check that you have eaten. Please bring a snack, and your glucose meter if you use one."
        ),
        gettext_noop(
            "Because you have had a seizure recently, or your seizure medicine changed, we will check with your doctor before using needles. Other physiotherapy can go ahead."
        ),
        gettext_noop(
            "Because you take more than one medicine that thins the blood, we will check with your prescriber before using needles. Other physiotherapy can go ahead."
        ),
        gettext_noop(
            "Because your body fights infection less well, we take extra care every time: clean skin, fresh sterile needles, and no needles near joints or implants. If you get a fever, chills, or a red, hot or painful spot where a needle went in, get medical care the same day."
        ),
        gettext_noop(
            "Because your immune system may be weaker right now, we will check with your care team before using needles, to keep the risk of infection low. Other physiotherapy can go ahead."
        ),
        gettext_noop(
            "Because your joint replacement or metal hardware is new, or is bothering you now, we will check with your surgeon or doctor before needling near it. Other physiotherapy can go ahead."
        ),
        gettext_noop(
            "Because your pregnancy care provider has told you about a complication, we will ask them to confirm that needling is OK before we use it. We may ask you to bring a note. Other physiotherapy can go ahead."
        ),
        gettext_noop(
            "Before any needling, your physiotherapist will ask a few questions about bruising and bleeding. They may suggest a check with your doctor first."
        ),
        gettext_noop(
            "Before any needling, your physiotherapist will explain what to expect, the common side effects and the rare risks, and ask for your consent. You can ask questions, and you can change your mind at any time."
        ),
        gettext_noop(
            "It is fine not to be sure. Your physiotherapist will explain what dry needling involves and answer your questions. The choice is yours, and you can say no at any time."
        ),
        gettext_noop(
            "It's fine not to be sure. Your physiotherapist will go over these questions with you before any needling."
        ),
        gettext_noop(
            "Many people feel nervous about needles. Your physiotherapist will explain each step before they do it. You will lie down, and you can ask to stop at any time."
        ),
        gettext_noop(
            "Needles are made of stainless steel, which contains a little nickel. Your physiotherapist will talk with you about this and watch your skin closely."
        ),
        gettext_noop(
            "Needling is only safe when you are fully alert. Because you have had alcohol, cannabis or a medicine that makes you drowsy shortly before your visit, we will not use needles today, but we can still help in other ways."
        ),
        gettext_noop(
            "Needling over the chest, upper back, shoulder top or the hollow above the collarbone carries a small risk of a collapsed lung. It is rare. If you get chest pain, shortness of breath or a dry cough in the 2 days after treatment, get urgent medical care and say you had needling."
        ),
        gettext_noop(
            "Only a physiotherapist with special authorization for dry needling will use needles in your care. You can ask to see it, or look it up on the College's public register."
        ),
        gettext_noop(
            "Some medicines and health problems make infections a little more likely. Your physiotherapist will take extra care to keep everything clean. They will tell you what to watch for afterwards."
        ),
        gettext_noop(
            "Some of the symptoms you mentioned need a closer look. Your physiotherapist will ask about them first and may suggest you see your doctor. If you have new trouble controlling your bladder or bowels, or new weakness in your legs, get medical help right away."
        ),
        gettext_noop(
            "Some pain medicines and supplements can make bruising a little more likely. Keep taking your medicines as usual unless your doctor tells you otherwise."
        ),
        gettext_noop(
            "Some people feel faint with needles. It is common and passes quickly. You will lie down for treatment and someone will stay with you. Please eat a meal or snack before your visit."
        ),
        gettext_noop(
            "Thank you for helping us understand the patient's needs. We will not use needles in this care plan. The physiotherapist will talk with you about other treatments that can help."
        ),
        gettext_noop(
            "Thank you for sharing this. Your physiotherapist will go at your pace and explain each step. You can pause or stop at any time."
        ),
        gettext_noop(
            "Thank you for sharing this. Your physiotherapist will talk with you about it before planning any needling, and will go at your pace. You can pause or stop at any time."
        ),
        gettext_noop(
            "Thank you for telling us about the red or swollen area. Your physiotherapist will look at it first. If it is getting worse quickly, or you have a fever or trouble breathing, please see a doctor today."
        ),
        gettext_noop(
            "Thank you for telling us about the shape of your spine or chest. It does not change the treatment planned for you. If we ever plan needling over your chest or upper back, we will talk with you about it first."
        ),
        gettext_noop(
            "Thank you for telling us about your heart or blood pressure. You will lie down for treatment, and your physiotherapist will check how you feel."
        ),
        gettext_noop(
            "Thank you for telling us about your last treatment. Your physiotherapist will ask what happened and will start gently, with fewer needles."
        ),
        gettext_noop(
            "Thank you for telling us about your metal allergy. Our needles are stainless steel and are only in the skin for a short time, so reactions are rare. Your physiotherapist will check your skin and stop if it reacts."
        ),
        gettext_noop(
            "Thank you for telling us how you feel about needles. We will not use needles in your care. Your physiotherapist has many other ways to help and will go over them with you."
        ),
        gettext_noop(
            "Thank you for telling us. Early in pregnancy, or if you might be pregnant, your physiotherapist will talk with you before using any needles. Often they will use other treatments for now. If needling is an option, they will explain it and ask for your written consent."
        ),
        gettext_noop(
            "Thank you for telling us. If you are still unwell on the day of your visit, please tell us when you arrive: we don't use needles while you are unwell, but we can help in other ways."
        ),
        gettext_noop(
            "Thank you for telling us. Late in pregnancy, your physiotherapist will avoid some areas and points, keep you comfortable, and explain the plan before any needling. They will ask for your written consent."
        ),
        gettext_noop(
            "Thank you for telling us. We don't use needles while you are unwell or fighting an infection. We can move your visit or help you in other ways today. If you feel very unwell, please see a doctor."
        ),
        gettext_noop(
            "Thank you for telling us. We use the same careful infection-control steps for everyone, so this does not change your care. Your answer stays private."
        ),
        gettext_noop(
            "Thank you for telling us. We will not use needles unless you want them. Your physiotherapist will talk with you about other treatments that can help. You can change your mind at any time."
        ),
        gettext_noop(
            "Thank you for telling us. You will lie down for needling, which makes feeling faint much less likely. Please eat a meal or snack before your visit, and tell your physiotherapist straight away if you feel faint, sick or sweaty."
        ),
        gettext_noop(
            "Thank you for telling us. Your physiotherapist will check the plan before any needling, avoid some areas during pregnancy, and make sure you are comfortable. They will ask for your written consent."
        ),
        gettext_noop(
            "The patient is under 18. Before any needling, a parent or guardian signs the consent, or the physiotherapist checks that the patient understands the treatment well enough to agree on their own. The patient is always part of the talk."
        ),
        gettext_noop(
            "The shape of your spine or chest can change where your lungs sit. Your physiotherapist will take extra care over your chest and upper back and will explain this before treatment."
        ),
        gettext_noop(
            "To keep you safe, we will check with your doctor that your heart and blood pressure are steady enough for needling. Other physiotherapy may still go ahead. If you have new chest pain, get medical help right away."
        ),
        gettext_noop(
            "To protect the area with lymphedema from infection and more swelling, we will not put needles there. Your physiotherapist can still treat other areas if that helps."
        ),
        gettext_noop(
            "We will arrange an interpreter or other help, so you can understand your care and ask questions."
        ),
        gettext_noop(
            "We will keep needles away from your artificial joint or metal parts. We will also take extra care to keep everything clean."
        ),
        gettext_noop(
            "We will never put needles into the areas you marked where you had a tumour or radiation treatment. Your physiotherapist will plan around them."
        ),
        gettext_noop(
            "We will not put needles close to the part of your spine that is unstable or healing. Your physiotherapist will explain what they can do instead."
        ),
        gettext_noop(
            "We will not put needles into hot or swollen joints. Your physiotherapist will plan around any flare and may check with your doctor."
        ),
        gettext_noop(
            "We will not put needles into or near your implant. Your physiotherapist will plan around it."
        ),
        gettext_noop("We will use gloves, tape and skin cleaners that are safe for your allergy."),
        gettext_noop(
            "We won't put needles through or near skin that has a cut, sore, rash or infection. Your physiotherapist will look at it and may treat other areas instead."
        ),
        gettext_noop(
            "Where your skin is numb, you may not feel a needle well. Your physiotherapist will avoid those areas or use a different approach."
        ),
        gettext_noop(
            "You have a lung condition, so your physiotherapist will not needle deeply over your chest, upper back or shoulders. They may use other treatments there."
        ),
        gettext_noop(
            "You have a slim build. Over your chest, upper back and shoulders, your physiotherapist will use shorter needles and take extra care."
        ),
        gettext_noop(
            "You have had seizures, so you will lie down for treatment. We will start gently and will not use electrical stimulation."
        ),
        gettext_noop(
            "You take a blood thinner, so your physiotherapist will take extra care. They will needle gently, not too deep, and press firmly after each needle."
        ),
        gettext_noop(
            "You take a blood thinner, so your physiotherapist will take extra care. They will needle gently, not too deep, and press firmly after each needle. Please bring your latest INR result if you have it."
        ),
        gettext_noop(
            "You told us you are not sure about a lung condition or a collapsed lung. Your physiotherapist will ask you about it before any needling."
        ),
        gettext_noop(
            "You told us you are not sure about a metal allergy. Your physiotherapist will ask you about it before any needling."
        ),
        gettext_noop(
            "You told us you are not sure about a pacemaker or defibrillator. Your physiotherapist will ask you about it before any needling. Until then, we will not use electrical stimulation."
        ),
        gettext_noop(
            "You told us you are not sure about a red, hot or swollen area. Your physiotherapist will ask you about it before any needling. If an area is getting worse quickly, or you have a fever or trouble breathing, please see a doctor today."
        ),
        gettext_noop(
            "You told us you are not sure about a strong or unusual reaction to earlier needling. Your physiotherapist will ask you about it before any needling."
        ),
        gettext_noop(
            "You told us you are not sure about an implanted or attached medical device. Your physiotherapist will ask you about it before any needling. Until then, we will not use electrical stimulation."
        ),
        gettext_noop(
            "You told us you are not sure about fainting, or nearly fainting, with needles. Your physiotherapist will ask you about it before any needling."
        ),
        gettext_noop(
            "You told us you are not sure about seizures or epilepsy. Your physiotherapist will ask you about it before any needling. Until then, we will not use electrical stimulation."
        ),
        gettext_noop(
            "You told us you are not sure about some symptoms that need a closer look. Your physiotherapist will ask you about it before any needling. If you have new trouble controlling your bladder or bowels, or new weakness in your legs, get medical help right away."
        ),
        gettext_noop(
            "You told us you are not sure about something about your mental or emotional health. Your physiotherapist will ask you about it before any needling."
        ),
        gettext_noop(
            "You told us you are not sure about the shape of your spine or chest. Your physiotherapist will ask you about it before any needling."
        ),
        gettext_noop(
            "You told us you are not sure about thin bones or a fracture from a minor fall. Your physiotherapist will ask you about it before any needling."
        ),
        gettext_noop(
            "You told us you are not sure about thin skin, falls, weight loss or needing help at home. Your physiotherapist will ask you about it before any needling."
        ),
        gettext_noop(
            "You told us you are not sure about your heart valves or a past heart infection. Your physiotherapist will ask you about it before any needling."
        ),
        gettext_noop(
            "Your bones may be thinner, so your physiotherapist will work gently. They will not needle deeply over bone or the chest."
        ),
        gettext_noop(
            "Your dialysis fistula or graft must be protected. We will not put needles, electrodes or a cuff on that arm or leg. Your physiotherapist can still treat other areas."
        ),
        gettext_noop(
            "Your injury may need a medical check first, so we will not use needles until a doctor or nurse practitioner has seen it. Your physiotherapist can help you with next steps. If pain or swelling is getting worse quickly, or you hit your head and feel unwell, get medical care now."
        ),
        gettext_noop(
            "Your latest INR result, or a recent bleeding problem or dose change, means we need to check with the person who manages your blood thinner before using needles. Other physiotherapy can go ahead. A new INR result in your target range may be all we need."
        ),
        gettext_noop(
            "Your medicine can make small bruises or spots of bleeding a little more likely. We press firmly after each needle to help."
        ),
        gettext_noop(
            "Your physiotherapist will avoid veins and areas with poor blood flow and plan needling around them."
        ),
        gettext_noop(
            "Your physiotherapist will check the feeling and strength in the areas to be treated. They will make sure you can tell them what you feel during treatment."
        ),
        gettext_noop(
            "Your physiotherapist will have a quick look at the skin problem you marked. It should not change treatment in other areas."
        ),
        gettext_noop(
            "Your physiotherapist will take time to explain things clearly and check that the plan makes sense to you. You are welcome to bring someone you trust."
        ),
        gettext_noop(
            "Your physiotherapist will use fewer, gentler needles, take care with your skin, and give you time to rest afterwards."
        ),
    }
)
