// Files for upload journeys: real image files built from base64 constants (decodable by any
// viewer), a disguised HTML file, and a check that images on a page really decoded.
import { expect, type Page } from '@playwright/test';

/** 16×12 images drawn on a canvas in Chromium and encoded by it: real, decodable files. */
const PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAABAAAAAMCAYAAABr5z2BAAAAQklEQVR4AdyQIQ4AIAwDm2l4EgIejoAn8QDwFUNsyZItOTHTXiqrl2tBYDz/gDYPNFjY34Abfn9Ggz0qNHiT+A0eAAAA//+/OWzvAAAABklEQVQDAPkiOPmlO1aOAAAAAElFTkSuQmCC';
const JPEG_BASE64 =
  '/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAYEBQYFBAYGBQYHBwYIChAKCgkJChQODwwQFxQYGBcUFhYaHSUfGhsjHBYWICwgIyYnKSopGR8tMC0oMCUoKSj/2wBDAQcHBwoIChMKChMoGhYaKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCj/wAARCAAMABADASIAAhEBAxEB/8QAFgABAQEAAAAAAAAAAAAAAAAAAAUG/8QAIhAAAQEIAgMAAAAAAAAAAAAAEQECAwQFEhMUFQAGB1KR/8QAFQEBAQAAAAAAAAAAAAAAAAAABgf/xAAhEQABAgQHAAAAAAAAAAAAAAATABIDBCKBERQhUVKx0f/aAAwDAQACEQMRAD8As+JulS7uG12b6LdYtqjHbZZNVZJZX1Tjyz0qXdP1WsfRb3Ku15DbLQpoADKey8xctm0xldzWR8XB3BXjvmndQIIVCCv3iZTaYzS3s4+LjLZoyHzTykggqoIT5wkWEBjat7+KgAmM0V9HG2Heq//Z';

export const pngFile = (name = '公开栏照片.png') => ({ name, mimeType: 'image/png', buffer: Buffer.from(PNG_BASE64, 'base64') });
export const jpegFile = (name = '公示栏.jpg') => ({ name, mimeType: 'image/jpeg', buffer: Buffer.from(JPEG_BASE64, 'base64') });
/** An HTML page renamed to .png, with the type the browser would claim for that name. */
export const disguisedHtml = (name = '公开栏照片.png') => ({ name, mimeType: 'image/png', buffer: Buffer.from('<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>') });

/** Every <img> inside `scope` has really been decoded by the browser (not a broken image). */
export async function expectImagesLoaded(page: Page, selector: string): Promise<void> {
  const imgs = page.locator(selector);
  await expect(imgs.first()).toBeVisible();
  await expect.poll(async () => imgs.evaluateAll((els) => els.every((e) => (e as HTMLImageElement).complete && (e as HTMLImageElement).naturalWidth > 0))).toBe(true);
}
