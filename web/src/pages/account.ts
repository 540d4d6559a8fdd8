/** What every signed-in user has: their notifications and (admins, staff) their team. */
export { NotificationsPage } from './Notifications'
export { TeamPage } from './Team'
