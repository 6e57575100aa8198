import { buildMultipartBody } from './multipart-body.js';
/** The multipart body of a v3 upload: the `data` part holds `json`, then the files. */
export function v3UploadBody(json, files) {
    return buildMultipartBody([['data', json, 'application/json']], files);
}
