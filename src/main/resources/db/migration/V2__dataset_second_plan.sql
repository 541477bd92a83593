-- The 2nd national action plan against trafficking in human beings (2019-2021), its 6 axes and
-- 45 measures, the evaluators CNCDH and the Collectif "Ensemble contre la traite des êtres humains",
-- and the CNCDH evaluation adopted on 12 January 2023 with its 45 assessments.
--
-- Sources:
-- * axes, measures and statuses: "L'évaluation par la CNCDH du plan d'action national contre la traite",
--   Collectif "Ensemble contre la traite des êtres humains", February 2023,
--   https://contrelatraite.com/index.php/evaluation_plan_national (a measure N is the N-th of its list;
--   axis titles put in sentence case; words split by the page's extraction joined: "demandeurs" (24),
--   "enquête" (33), "diplomatie" (42); "dispositif nationale" (24) corrected to "dispositif national").
-- * plan title, period and presentation date (18 October 2019): ministerial answer to a written
--   question, https://annegenetet.fr/en/plan-triennal-de-lutte-contre-la-traite-des-etres-humains
-- * the evaluation's title and date: Journal officiel, https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000047011945
-- * the evaluation's summary: the Collectif's page above, in its own words.

insert into plan (slug, title, start_year, end_year, presented_on, source_title, source_url) values
    ('2019-2021', '2nd plan d''action national contre la traite des êtres humains 2019-2021', 2019, 2021, date '2019-10-18',
     'L''évaluation par la CNCDH du plan d''action national contre la traite (Collectif « Ensemble contre la traite des êtres humains », février 2023)',
     'https://contrelatraite.com/index.php/evaluation_plan_national');

insert into axis (plan_id, number, title)
select p.id, v.number, v.title from plan p, (values
    (1, 'Informer et communiquer pour mieux prévenir le phénomène de la traite des êtres humains'),
    (2, 'Définir une stratégie d’identification des victimes'),
    (3, 'Protéger et accompagner les victimes'),
    (4, 'Intensifier la répression des auteurs'),
    (5, 'Coordonner l’action publique de la lutte contre la traite des êtres humains'),
    (6, 'Renforcer la coopération aux niveaux européen et international')
) as v(number, title) where p.slug = '2019-2021';

insert into measure (plan_id, axis_id, number, title)
select p.id, a.id, v.number, v.title from plan p join axis a on a.plan_id = p.id join (values
    (1, 1, 'Informer et sensibiliser sur les risques d’exploitation'),
    (1, 2, 'Créer un site gouvernemental dédié'),
    (1, 3, 'Soutenir des campagnes d’information et de sensibilisation menées par les associations'),
    (1, 4, 'Instaurer une journée nationale'),
    (1, 5, 'Informer le monde de l’entreprise'),
    (1, 6, 'Introduire dans les programmes scolaires le sujet de la traite des êtres humains et ses différentes formes d’exploitation'),
    (1, 7, 'Sensibiliser les populations migrantes sur les risques d’exploitation'),
    (1, 8, 'Pérenniser l’enquête sur les victimes de traite des êtres humains suivies par les associations'),
    (1, 9, 'Publier annuellement les données administratives disponibles en France'),
    (1, 10, 'Réaliser une enquête sur la traite des êtres humains à des fins d’exploitation par le travail'),
    (1, 11, 'Actualiser les connaissances des professionnels'),
    (1, 12, 'Mener une étude sur les dispositifs de protection des victimes et de poursuite des auteurs'),
    (2, 13, 'Connaître l’étendue des formations des professionnels sur la traite des êtres humains'),
    (2, 14, 'Définir un plan de formation et de sensibilisation'),
    (2, 15, 'Favoriser la coordination des formations'),
    (2, 16, 'Mettre en place un mécanisme national de référence'),
    (2, 17, 'Créer des postes de médiateurs «prévention/jeunesse» dans les équipes d’intervention sociale dans les bidonvilles'),
    (2, 18, 'Désigner des référents dans les DIRECCTE'),
    (2, 19, 'Soutenir les projets innovants'),
    (3, 20, 'Renforcer le rôle des préfectures'),
    (3, 21, 'Rappeler les conditions de délivrance des titres de séjour et la nécessité de désigner des référents « traite des êtres humains »'),
    (3, 22, 'Renforcer le dispositif AcSé'),
    (3, 23, 'Mobiliser les places d’hébergement existantes'),
    (3, 24, 'Spécialiser les structures de places d’hébergement dans le dispositif national d’accueil des demandeurs d’asile'),
    (3, 25, 'Généraliser le dispositif expérimental de protection des mineurs victimes'),
    (3, 26, 'Créer des centres sécurisés et sécurisants pour les mineurs en danger'),
    (3, 27, 'Répertorier les structures spécialisées dans l’accompagnement psychologique des victimes de traite'),
    (3, 28, 'Renforcer la prise en charge psychologique et somatique'),
    (3, 29, 'Assurer aux victimes un retour pérenne'),
    (3, 30, 'Sécuriser et renforcer le financement des associations'),
    (4, 31, 'Mobiliser les moyens d’enquête'),
    (4, 32, 'Optimiser la dimension patrimoniale de la réponse judiciaire'),
    (4, 33, 'Poursuivre la création des équipes communes d’enquête'),
    (4, 34, 'Inscrire la traite des êtres humains au cœur de la politique pénale des parquets'),
    (4, 35, 'Entamer une réflexion sur l’évolution législative en matière de traite'),
    (5, 36, 'Piloter le suivi de la mise en œuvre du second plan'),
    (5, 37, 'Financer les mesures du plan'),
    (5, 38, 'Evaluer la mise en œuvre de la politique publique'),
    (5, 39, 'Instaurer un pilotage départemental'),
    (6, 40, 'Promouvoir la ratification des instruments internationaux de lutte contre la traite des êtres humains'),
    (6, 41, 'Participer aux campagnes et actions de mobilisation à l’échelon international'),
    (6, 42, 'Promouvoir le modèle abolitionniste par la diplomatie française'),
    (6, 43, 'Renforcer la formation des praticiens via les écoles de formation judiciaire'),
    (6, 44, 'Poursuivre les initiatives internationales de formations pluri-acteurs'),
    (6, 45, 'Poursuivre les projets de coopération bilatéraux')
) as v(axis, number, title) on v.axis = a.number where p.slug = '2019-2021';

insert into evaluator (slug, name, short_name, kind, website) values
    ('cncdh', 'Commission nationale consultative des droits de l''homme', 'CNCDH', 'INDEPENDENT_RAPPORTEUR', 'https://www.cncdh.fr'),
    ('collectif-ensemble-contre-la-traite', 'Collectif « Ensemble contre la traite des êtres humains »', 'Collectif Ensemble contre la traite',
     'CIVIL_SOCIETY', 'https://contrelatraite.com');

insert into evaluation (evaluator_id, plan_id, title, date, source_title, source_url, summary)
select ev.id, p.id,
       'Évaluation de la mise en œuvre du plan d''action national contre la traite des êtres humains (2019-2021)',
       date '2023-01-12',
       'Avis de la CNCDH adopté en assemblée plénière le 12 janvier 2023 à l''unanimité (Journal officiel)',
       'https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000047011945',
       'Sur 45 mesures, seules trois ont été réalisées. La CNCDH constate l’ineffectivité partielle du second plan national d’action qui reprenait déjà les mesures du premier plan national d’action. L’absence de portage politique et de moyens humains dédiés à la MIPROF, mission interministérielle chargée de la mise en oeuvre du Plan mais manquant clairement de moyens, ne permet aucunement une action politique à la hauteur des enjeux tant nationaux qu’internationaux. Les discours peinent à se transcrire en acte malgré un arsenal législatif conséquent et adapté. L’incapacité des pouvoirs publics à mettre en place un véritable mécanisme national d’identification et d’orientation est préoccupante : cela traduit une défaillance majeure en matière de respect des conventions internationales ratifiées par la France et de défense des droits humains notamment en matière d’information et de protection des victimes. Transformation de la Miprof en délégation interministérielle, multiplication des effectifs et des budgets dédiés notamment en matière d’accompagnement des associations, élaboration concertée d’un mécanisme national, renforcement de la formation et de la prévention sont ainsi prioritairement recommandés dans cet avis.'
from evaluator ev, plan p where ev.slug = 'cncdh' and p.slug = '2019-2021';

insert into assessment (evaluation_id, measure_id, plan_id, status)
select e.id, m.id, p.id, v.status
from plan p
join evaluation e on e.plan_id = p.id and e.date = date '2023-01-12'
join evaluator ev on ev.id = e.evaluator_id and ev.slug = 'cncdh'
join measure m on m.plan_id = p.id
join (values
    (1, 'PARTIALLY_IMPLEMENTED'),
    (2, 'NOT_IMPLEMENTED'),
    (3, 'PARTIALLY_IMPLEMENTED'),
    (4, 'NOT_IMPLEMENTED'),
    (5, 'PARTIALLY_IMPLEMENTED'),
    (6, 'PARTIALLY_IMPLEMENTED'),
    (7, 'PARTIALLY_IMPLEMENTED'),
    (8, 'PARTIALLY_IMPLEMENTED'),
    (9, 'PARTIALLY_IMPLEMENTED'),
    (10, 'NOT_IMPLEMENTED'),
    (11, 'NOT_IMPLEMENTED'),
    (12, 'NOT_IMPLEMENTED'),
    (13, 'PARTIALLY_IMPLEMENTED'),
    (14, 'NOT_IMPLEMENTED'),
    (15, 'PARTIALLY_IMPLEMENTED'),
    (16, 'NOT_IMPLEMENTED'),
    (17, 'PARTIALLY_IMPLEMENTED'),
    (18, 'PARTIALLY_IMPLEMENTED'),
    (19, 'PARTIALLY_IMPLEMENTED'),
    (20, 'PARTIALLY_IMPLEMENTED'),
    (21, 'PARTIALLY_IMPLEMENTED'),
    (22, 'PARTIALLY_IMPLEMENTED'),
    (23, 'PARTIALLY_IMPLEMENTED'),
    (24, 'NOT_IMPLEMENTED'),
    (25, 'PARTIALLY_IMPLEMENTED'),
    (26, 'PARTIALLY_IMPLEMENTED'),
    (27, 'NOT_IMPLEMENTED'),
    (28, 'PARTIALLY_IMPLEMENTED'),
    (29, 'NOT_IMPLEMENTED'),
    (30, 'PARTIALLY_IMPLEMENTED'),
    (31, 'PARTIALLY_IMPLEMENTED'),
    (32, 'PARTIALLY_IMPLEMENTED'),
    (33, 'PARTIALLY_IMPLEMENTED'),
    (34, 'PARTIALLY_IMPLEMENTED'),
    (35, 'NOT_IMPLEMENTED'),
    (36, 'PARTIALLY_IMPLEMENTED'),
    (37, 'NOT_IMPLEMENTED'),
    (38, 'IMPLEMENTED'),
    (39, 'NOT_IMPLEMENTED'),
    (40, 'IMPLEMENTED'),
    (41, 'PARTIALLY_IMPLEMENTED'),
    (42, 'PARTIALLY_IMPLEMENTED'),
    (43, 'NOT_IMPLEMENTED'),
    (44, 'PARTIALLY_IMPLEMENTED'),
    (45, 'IMPLEMENTED')
) as v(number, status) on v.number = m.number
where p.slug = '2019-2021';
