// The rule lives in shared: the renderer's forms name client-side problems by the same codes.
export { fieldCodeOf, fieldErrorsOf } from '../../shared/fieldErrors';
