/** No request body may be larger: uploads above this are refused with a 413 before they are parsed. */
export const MAX_UPLOAD_BYTES = 256 * 1024;
