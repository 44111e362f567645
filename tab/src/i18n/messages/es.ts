import type { MessageKey } from './en.js';

/** Spanish, neutral enough for Spain and Latin America; "Learning Loop" and "Teams" stay as named. */
export const es = {
  'app.documentTitle': '{page} – Learning Loop',
  'common.retry': 'Reintentar',
  'failure.withStatus': '{headline} (HTTP {status}): {detail}',
  'failure.plain': '{headline}: {detail}',

  'page.personal': 'Mi aprendizaje',
  'page.team': 'Panel del equipo',
  'page.configure': 'Configurar Learning Loop',
  'page.admin': 'Informe de aprendizaje',
  'page.memberEntries': 'El aprendizaje de un miembro',
  'page.personal.loading': 'Cargando tu aprendizaje…',
  'page.personal.failed': 'No se pudo cargar tu página de aprendizaje. Comprueba la conexión e inténtalo de nuevo.',
  'page.team.loading': 'Cargando el panel del equipo…',
  'page.team.failed': 'No se pudo cargar el panel del equipo. Comprueba la conexión e inténtalo de nuevo.',
  'page.admin.loading': 'Cargando el informe de aprendizaje…',
  'page.admin.failed': 'No se pudo cargar el informe de aprendizaje. Comprueba la conexión e inténtalo de nuevo.',
  'page.memberEntries.loading': 'Cargando las entradas del miembro…',
  'page.memberEntries.failed': 'No se pudieron cargar las entradas del miembro. Comprueba la conexión e inténtalo de nuevo.',

  'local.title': 'Modo local: identidad de demostración, sin iniciar sesión',
  'local.outsideTeams': 'No se está ejecutando dentro de Microsoft Teams.',
  'local.teamsSilent': 'Microsoft Teams no respondió ({detail}).',
  'local.demoOnly': 'El servicio solo acepta identidades de demostración cuando se ejecuta en modo local.',
  'local.identity': 'Identidad de demostración',
  'local.loadingIdentities': 'Cargando identidades de demostración…',
  'local.loadIdentitiesFailed': 'No se pudieron cargar las identidades de demostración',
  'local.noLocalMode': 'Este servicio no ofrece modo local, así que no hay identidades de demostración. Abre Learning Loop en Microsoft Teams para ver tu aprendizaje.',
  'local.noPeople': 'Todavía no hay personas de demostración. Inicia el servicio con npm start, que añade un equipo de demostración a un almacén vacío.',

  'team.picker': 'Equipo',
  'team.pickerLead': '{name} (responsable)',

  'configure.title': 'Añadir Learning Loop a este equipo',
  'configure.about': 'La pestaña muestra el aprendizaje del equipo: quién respondió, los minutos y tipos de aprendizaje, y quién podría necesitar un seguimiento.',
  'configure.inTeams': 'Selecciona Guardar para añadirla.',
  'configure.outsideTeams': 'Esta página configura la pestaña cuando añades Learning Loop a un canal o chat de Microsoft Teams. Ábrela desde Teams para añadir la pestaña.',
  'configure.failed': 'No se pudo preparar la pestaña para guardarla',
} satisfies Partial<Record<MessageKey, string>>;
