import type { FieldErrors } from '../components/field-paths'
import type { VenueForm } from './form'

/** What each card of the editor gets: the form, a setter of one key, the refused fields. */
export interface CardProps {
  form: VenueForm
  change: <K extends keyof VenueForm>(key: K, value: VenueForm[K]) => void
  errors: FieldErrors
}
