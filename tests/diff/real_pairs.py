# Verbatim texts: long lines and typographic apostrophes are the sources' own.
# ruff: noqa: E501
"""Revision texts from the Syria collection, copied verbatim from
``../shared/data/syria-2011-2012.json`` (format ``unsc-drafts/1``).

Each revision is a tuple of clauses ``(key, section, number, text)`` in document order.
The keys are the collection's hand-checked lineage: the same key marks the same
paragraph in two revisions, so they are the ground truth for the engine's alignment.
"""

# arab-european-draft-2012: v3 (1 Feb 19:00)
V3_PREAMBLE = (
    (
        "pp-recalling-prst-3-aug-2011",
        "preambular",
        "pp1",
        "Recalling its presidential statement of 3 August 2011,",
    ),
    (
        "pp-recalling-ga-hrc-resolutions",
        "preambular",
        "pp2",
        "Recalling General Assembly resolution A/Res/66/176 of 19 December, as well as Human Rights Council resolutions S/16-1, S/17-1 and S/18-1,",
    ),
    (
        "pp-noting-las-request",
        "preambular",
        "pp3",
        "Noting the League of Arab States’ request in its decision of 22 January 2012,",
    ),
    (
        "pp-grave-concern-deterioration",
        "preambular",
        "pp4",
        "Expressing grave concern at the deterioration of the situation in Syria, and profound concern at the death of thousands of people and calling for an immediate end to all violence,",
    ),
    (
        "pp-welcoming-las-action-plan",
        "preambular",
        "pp5",
        "Welcoming the League of Arab States’ Action Plan of 2 November 2011 and its subsequent decisions, including its decision of 22 January 2012, and supporting full implementation with the aim of a peaceful resolution of the crisis,",
    ),
    (
        "pp-noting-las-observer-mission",
        "preambular",
        "pp6",
        "Noting the deployment of the League of Arab States' observer mission, commending its efforts, regretting that, due to the escalation in violence, the observer mission was not in a position to monitor the full implementation of the League of Arab States’ Action Plan of 2 November 2011, and noting the subsequent decision of the League of Arab states to suspend the mission,",
    ),
    (
        "pp-return-refugees-idps",
        "preambular",
        "pp7",
        "Underscoring the importance of ensuring the voluntary return of refugees and internally displaced persons to their homes in safety and  with dignity,",
    ),
    (
        "pp-arms-transfers",
        "preambular",
        "pp8",
        "Expressing grave concern at the continued transfer of weapons into Syria which fuels the violence and calling on Member States to take necessary steps to prevent such flow of arms,",
    ),
    (
        "pp-stability-region",
        "preambular",
        "pp9",
        "Mindful that stability in Syria is key to peace and stability in the region,",
    ),
    (
        "pp-reform-commitments",
        "preambular",
        "pp9bis",
        "Noting the announced commitments by the Syrian authorities to reform, and regretting the lack of progress in implementation",
    ),
    (
        "pp-sovereignty-peaceful-resolution",
        "preambular",
        "pp10",
        "Reaffirming its strong commitment to the sovereignty, independence, unity and territorial integrity of Syria, and emphasizing [its intention to resolve the current political crisis in Syria peacefully without foreig",
    ),
)

# arab-european-draft-2012: late preamble (Scribd, undated)
LATE_PREAMBLE = (
    (
        "pp-recalling-prst-3-aug-2011",
        "preambular",
        None,
        "Recalling its presidential statement of 3 August 2011,",
    ),
    (
        "pp-recalling-ga-hrc-resolutions",
        "preambular",
        None,
        "Recalling General Assembly resolution A/RES/66/176 of 19 December 2011, as well as Human Rights Council resolutions S/16-1, S/17-1 and S/18-1,",
    ),
    (
        "pp-noting-las-request",
        "preambular",
        None,
        "Noting the League of Arab States request in its decision of 22 January 2012,",
    ),
    (
        "pp-grave-concern-deterioration",
        "preambular",
        None,
        "Expressing grave concern at the deterioration of the situation in Syria, and profound concern at the death of thousands of people and calling for an immediate end to all violence,",
    ),
    (
        "pp-welcoming-las-action-plan",
        "preambular",
        None,
        "Welcoming the League of Arab States Action Plan of 2 November 2011 and its subsequent decisions, including its decision of 22 January 2012, which aims to achieve a peaceful resolution of the crisis,",
    ),
    (
        "pp-noting-las-observer-mission",
        "preambular",
        None,
        "Noting the deployment of the League of Arab States observer mission, commending its efforts, regretting that, due to the escalation in violence, the observer mission was not in a position to monitor the full implementation of the League of Arab States Action Plan of 2 November 2011, and noting the subsequent decision of the League of Arab states to suspend the mission,",
    ),
    (
        "pp-return-refugees-idps",
        "preambular",
        None,
        "Underscoring the importance of ensuring the voluntary return of refugees and internally displaced persons to their homes in safety and with dignity,",
    ),
    (
        "pp-stability-region",
        "preambular",
        None,
        "Mindful that stability in Syria is key to peace and stability in the region,",
    ),
    (
        "pp-reform-commitments",
        "preambular",
        None,
        "Noting the announced commitments by the Syrian authorities to reform, and regretting the lack of progress in implementation,",
    ),
    (
        "pp-sovereignty-peaceful-resolution",
        "preambular",
        None,
        "Reaffirming its strong commitment to the sovereignty, independence, unity and territorial integrity of Syria, emphasizing its intention to resolve the current political crisis in Syria peacefully, and noting that nothing in this resolution authorizes measures under Article 42 of the Charter,",
    ),
    (
        "pp-welcoming-sg-engagement",
        "preambular",
        None,
        "Welcoming the engagement of the Secretary-General and all diplomatic efforts aimed at addressing th",
    ),
)

# resolution-2042-2012: US revised draft
US_REVISED = (
    (
        "pp-recalling-prsts",
        "preambular",
        "PP1",
        "Recalling its Presidential Statements of 3 August 2011, 21 March 2012 and 5 April 2012, and also recalling all relevant resolutions of the General Assembly,",
    ),
    (
        "pp-support-envoy",
        "preambular",
        "PP2",
        "Reaffirming its support to Joint Special Envoy for the United Nations and the League of Arab States, Kofi Annan, and his work, based on General Assembly resolution A/RES/66/253 of 16 February 2012 and relevant resolutions of the League of Arab States,",
    ),
    (
        "pp-sovereignty",
        "preambular",
        "PP3",
        "Reaffirming its strong commitment to the sovereignty, independence, unity and territorial integrity of Syria, and to the purposes and principles of the Charter,",
    ),
    (
        "pp-condemning-hr-violations",
        "preambular",
        "PP4",
        "Condemning the widespread and gross violations of human rights and the use of force against civilians by the Syrian authorities, recalling that those responsible shall be held accountable, and expressing its profound regret at the death of many thousands of people in Syria,",
    ),
    (
        "pp-noting-govt-commitment",
        "preambular",
        "PP5",
        "Noting the Syrian government’s commitment on 25 March 2012 to implement the six-point proposal of the Joint Special Envoy of the United Nations and the League of Arab States, and to implement urgently and visibly its commitments, as it agreed to do in its communication to the Envoy of 1 April, to (a) cease troop movements towards population centres, (b) cease all use of heavy weapons in such centres, and (c) begin pullback of military concentrations in and around population centres, and to implement these in their entirety by no later than 10 April 2012, and noting alsothe Syrian opposition’s expressed commitment to respect the cessation of violence, provided the government does so,",
    ),
    (
        "pp-noting-envoy-assessment",
        "preambular",
        "PP6",
        "Noting the Envoy’s assessment that [the parties appeared to be observing a cessation of fire as of 12 April 2012 and that] the Syrian government had started to implement [some of] its commitments",
    ),
)

# resolution-2042-2012: Russian draft (13 Apr)
RUSSIAN_13_APRIL = (
    (
        "pp-recalling-prsts",
        "preambular",
        "PP1",
        "Recalling its Presidential Statements of 3 August 2011, 21 March 2012 and 5 April 2012, and also recalling all relevant resolutions of the General Assembly,",
    ),
    (
        "pp-support-envoy",
        "preambular",
        "PP2",
        "Reaffirming its support to Joint Special Envoy for the United Nations and the League of Arab States, Kofi Annan, and his work,",
    ),
    (
        "pp-sovereignty",
        "preambular",
        "PP3",
        "Reaffirming its strong commitment to the sovereignty, independence, unity and territorial integrity of Syria, and to the purposes and principles of the Charter,",
    ),
    (
        "pp-noting-govt-commitment",
        "preambular",
        "PP4",
        "Noting the Syrian government’s commitment on 25 March 2012 to implement the six-point proposal of the Joint Special Envoy of the United Nations and the League of Arab States, and to implement urgently and visibly its commitments, as it agreed to do in its communication to the Envoy of 1 April, and noting also the Syrian opposition’s expressed commitment to respect the cessation of violence, provided the government does so,",
    ),
    (
        "pp-noting-envoy-assessment",
        "preambular",
        "PP5",
        "Noting the Envoy’s assessment that the parties appeared to be observing a cessation of fire as of 12 April 2012 and that the Syrian government had started to implement its commitments to (a) cease troop movements towards population centres, (b) cease all use of heavy weapons in such centres, and (c) begin pullback of military concentrations in and around population centres and supporting the Envoy’s call for an immediate  and visible implementation by the Syrian government of these commitments in their entirety,",
    ),
    (
        "op-support-six-point-proposal",
        "operative",
        "1",
        "Reaffirms its full support and calls for the urgent, comprehensive, and immediate implementation of all elements of the Envoy’s six-point proposal aimed at bringing an immediate end to all violence and human rights violations, securing humanitarian access and facilitating a Syrian-led political transitio",
    ),
)

# resolution-2042-2012: S/2012/219
S_2012_219 = (
    (
        "pp-recalling-prsts",
        "preambular",
        None,
        "Recalling its Presidential Statements of 3 August 2011, 21 March 2012 and 5 April 2012, and also recalling all relevant resolutions of the General Assembly,",
    ),
    (
        "pp-support-envoy",
        "preambular",
        None,
        "Reaffirming its support to the Joint Special Envoy for the United Nations and the League of Arab States, Kofi Annan, and his work, following General Assembly resolution A/RES/66/253 of 16 February 2012 and relevant resolutions of the League of Arab States,",
    ),
    (
        "pp-sovereignty",
        "preambular",
        None,
        "Reaffirming its strong commitment to the sovereignty, independence, unity and territorial integrity of Syria, and to the purposes and principles of the Charter,",
    ),
    (
        "pp-condemning-hr-violations",
        "preambular",
        None,
        "Condemning the widespread violations of human rights by the Syrian authorities, as well as any human rights abuses by armed groups, recalling that those responsible shall be held accountable, and expressing its profound regret at the death of many thousands of people in Syria,",
    ),
    (
        "pp-noting-govt-commitment",
        "preambular",
        None,
        "Noting the Syrian government’s commitment on 25 March 2012 to implement the six-point proposal of the Joint Special Envoy of the United Nations and the League of Arab States, and to implement urgently and visibly its commitments, as it agreed to do in its communication to the Envoy of 1 April 2012, to (a) cease troop movements towards population centres, (b) cease all use of heavy weapons in such centres, and (c) begin pullback of military concentrations in and around population centres, and to implement these in their entirety by no later than 10 April 2012, and noting also the Syrian opposition’s expressed commitment to respect the cessation of violence, provided the government does so,",
    ),
    (
        "pp-noting-envoy-assessment",
        "preambular",
        None,
        "Noting the Envoy’s assessment that, as of 12 April 2012, the parties appeared to be observing a cessation of fire and that the Syrian government had started to implement its commitments, and supportin",
    ),
    (
        "op-support-six-point-proposal",
        "operative",
        "1",
        "Reaffirms its full support for and calls for the urgent, comprehensive, and immediate implementation of all elements of the Envoys six-point proposal (annex) aimed at bringing an immediate end to all violence and human rights violations, securing humanitarian access and facilitating a Syrian-led political transition leading to a democratic, plural political system, in which citizens are equal regardless of their affiliations, ethnicities or beliefs, including through commencing a comprehensive political dialogue between the Syrian government and the whole spectrum of the Syrian opposition;",
    ),
    (
        "op-govt-implement-commitments",
        "operative",
        "2",
        "Calls upon the Syrian government to implement visibly its commitments in their entirety, as it agreed to do in its communication to the Envoy of 1 April 2012, to (a) cease troop movements towards population centres, (b) cease all use of heavy weapons in such centres, and (c) begin pullback of military concentrations in and around population centres;",
    ),
    (
        "op-withdrawal-troops-heavy-weapons",
        "operative",
        "3",
        "Underlines the importance attached by the Envoy to the withdrawal of all Syrian government troops and heavy weapons from population centres to their barracks to facilitate a sustained cessation of violence;",
    ),
    (
        "op-all-parties-cease-armed-violence",
        "operative",
        "4",
        "Calls upon all parties in Syria, including the opposition, immediately to cease all armed violence in all its forms;",
    ),
    (
        "op-intention-supervision-mission",
        "operative",
        "5",
        "Expresses its intention , subject to a sustained cessation of armed violence in all its forms by all parties, to establish immediately, after consultations between the Secretary-General and the Syrian government, a United Nations supervision mission in Syria to monitor a cessation of armed violence in all its forms by all parties and relevant aspects of the Envoys six-point proposal, on the basis of a formal proposal from the Secretary-General, which the Security Council requests to receive not later than 18 April 2012;",
    ),
    (
        "op-govt-ensure-effective",
        "operative",
        "6",
        "Calls upon the Syrian government to ensure the effec",
    ),
)

# unsmis-renewal-july-2012: Pakistan draft (19 Jul)
PAKISTAN_19_JULY = (
    (
        "pp-recalling-2042-2043",
        "preambular",
        None,
        "Recalling its resolution 2042 (2012) and 2043 (2012),",
    ),
    (
        "pp-support-envoy",
        "preambular",
        None,
        "Reaffirming its support to the Joint Special Envoy of the United Nations and the League of Arab States, Kofi Annan, and his six-point proposal approved by the relevant Security Council resolutions,",
    ),
    (
        "pp-commending-unsmis",
        "preambular",
        None,
        "Commending the role and efforts of the United Nations Supervision Mission in Syria (UNSMIS),",
    ),
    (
        "pp-considered-sg-report",
        "preambular",
        None,
        "Having considered the Secretary-General’s report on the implementation of Resolution 2043 (2012), and observations contained therein (S/2012/523),",
    ),
    (
        "pp-sovereignty",
        "preambular",
        None,
        "Reaffirming its strong commitment to the sovereignty, independence, unity and territorial integrity of Syria, and to the purposes and principles of the Charter,",
    ),
    (
        "op-renew-mandate",
        "operative",
        "1",
        "Decides to extend the mandate of UNSMIS for a period of 45 days taking into account the Secretary-General’s recommendations contained in paragraphs 67-71 of his report;",
    ),
    (
        "op-pk-safety-of-unsmis",
        "operative",
        "2",
        "Calls upon all Syrian parties to guarantee the safety of UNSMIS personnel without prejudice to its freedom of movement and access, and stresses that the primary responsibility in this regard lies with the Syrian authorities;",
    ),
    (
        "op-pk-cooperate-with-unsmis",
        "operative",
        "3",
        "Strongly urges the Syrian authorities and opposition armed groups to cooperate fully with UNSMIS;",
    ),
    (
        "op-pk-report-obstructions",
        "operative",
        "4",
        "Requests the Secretary-General to report immediately to the Security Council any obstructions to the effective operation of UNSMIS by any party;",
    ),
    (
        "op-remain-seized",
        "operative",
        "5",
        "Decides to remain seized of the matter.",
    ),
)

# unsmis-renewal-july-2012: UK draft, final 30 days (19 Jul)
UK_FINAL_19_JULY = (
    (
        "op-renew-mandate",
        "operative",
        "1",
        "Decides to renew the mandate of the United Nations Supervision Mission in Syria  (UNSMIS) for a final period of 30 days, taking into consideration the Secretary-General’s recommendations to reconfigure the Mission, and taking into consideration the operational implications of the increasingly dangerous security situation in Syria;",
    ),
    (
        "op-uk-willingness-to-renew",
        "operative",
        "2",
        "Expresses its willingness to renew the mandate of UNSMIS thereafter only in the event that the Secretary-General reports and the Security Council confirms the full implementation of paragraph 2 of resolution 2043 and a reduction in the level of violence sufficient to allow UNSMIS to implement its mandate;",
    ),
    (
        "op-uk-report-15-days",
        "operative",
        "3",
        "Requests the Secretary-General to report to the Council on the implementation of this resolution within 15 days;",
    ),
    (
        "op-remain-seized",
        "operative",
        "4",
        "Decides to remain seized of the matter.",
    ),
)
