/** The compose file names `docker compose` itself looks for, in its order of preference. */
export const COMPOSE_FILES = [
  'compose.yaml',
  'compose.yml',
  'docker-compose.yaml',
  'docker-compose.yml'
]
