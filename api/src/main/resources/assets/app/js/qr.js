// Reading the enrolment QR code: the browser's BarcodeDetector where it has one, otherwise the
// vendored jsQR (vendor/jsQR.js, Apache-2.0), loaded only when needed so it costs nothing later.

/** The enrolment payload (COMMON contract 7) in `text`, or null if it is not one. */
export function parsePayload(text) {
  try {
    const p = JSON.parse(text);
    return p && p.drivesync === 1 && typeof p.code === 'string' && typeof p.server === 'string' ? p : null;
  } catch (e) {
    return null;
  }
}

let jsQR;
function loadJsQR() {
  jsQR ??= new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = 'vendor/jsQR.js';
    script.onload = () => resolve(window.jsQR);
    script.onerror = () => reject(new Error('QR reader unavailable offline'));
    document.head.append(script);
  });
  return jsQR;
}

async function detector() {
  if (!('BarcodeDetector' in window)) return null;
  try {
    const formats = await window.BarcodeDetector.getSupportedFormats();
    return formats.includes('qr_code') ? new window.BarcodeDetector({ formats: ['qr_code'] }) : null;
  } catch (e) {
    return null;
  }
}

/** Decodes a QR code in an image source (ImageBitmap, video frame, image); null if none is found. */
export async function decode(source, width, height) {
  const native = await detector();
  if (native) {
    const codes = await native.detect(source);
    if (codes.length) return codes[0].rawValue;
  }
  const canvas = document.createElement('canvas');
  const scale = Math.min(1, 1000 / Math.max(width, height));
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const context = canvas.getContext('2d', { willReadFrequently: true });
  context.drawImage(source, 0, 0, canvas.width, canvas.height);
  const pixels = context.getImageData(0, 0, canvas.width, canvas.height);
  const found = (await loadJsQR())(pixels.data, pixels.width, pixels.height);
  return found ? found.data : null;
}

/** Decodes a photo of the code (the file input: works without camera access). */
export async function decodeFile(file) {
  const bitmap = await createImageBitmap(file);
  try {
    return await decode(bitmap, bitmap.width, bitmap.height);
  } finally {
    bitmap.close();
  }
}

/** Scans with the camera into `video` until a payload is found or `signal` aborts. */
export async function scan(video, signal) {
  const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
  video.srcObject = stream;
  video.hidden = false;
  await video.play();
  try {
    while (!signal.aborted) {
      if (video.videoWidth) {
        const text = await decode(video, video.videoWidth, video.videoHeight);
        if (text && parsePayload(text)) return text;
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    return null;
  } finally {
    stream.getTracks().forEach((t) => t.stop());
    video.hidden = true;
  }
}
