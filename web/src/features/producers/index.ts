/** What other features use from producers (the pages themselves are loaded by the router). */
export { ProducerPicker } from './producer-picker.tsx';
