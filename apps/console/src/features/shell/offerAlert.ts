// How an agent notices a new offer when looking elsewhere: a short chime and, if allowed, a desktop notification.

export function chime(): void {
  try {
    const audio = new AudioContext();
    const tone = audio.createOscillator();
    const gain = audio.createGain();
    tone.type = 'sine';
    tone.frequency.setValueAtTime(880, audio.currentTime);
    tone.frequency.setValueAtTime(1320, audio.currentTime + 0.12);
    gain.gain.setValueAtTime(0.0001, audio.currentTime);
    gain.gain.exponentialRampToValueAtTime(0.2, audio.currentTime + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, audio.currentTime + 0.35);
    tone.connect(gain).connect(audio.destination);
    tone.start();
    tone.stop(audio.currentTime + 0.36);
    tone.onended = () => void audio.close();
  } catch {
    // no audio (autoplay policy before any click, or no device): the banner is still there
  }
}

export function desktopNotice(title: string, body: string): void {
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted' || document.hasFocus()) return;
  try {
    new Notification(title, { body, tag: 'lingxi-offer' });
  } catch {
    // some browsers only allow notifications from a service worker
  }
}

/** Asked when the agent goes online: a click is the user gesture browsers require. */
export function askForDesktopNotices(): void {
  if (typeof Notification !== 'undefined' && Notification.permission === 'default') void Notification.requestPermission();
}
