'use client';

import { useState, useSyncExternalStore } from 'react';
import { Button } from './button';

// Reads a text aloud with the browser's own speech synthesis, for a customer who cannot read the
// screen or the slip. Only with a voice for the language: a Hindi text read by an English voice is
// noise, so without one the button is not offered at all.

export type SpeechLang = 'hi-IN' | 'en-IN';

function synth(): SpeechSynthesis | null {
  return typeof window !== 'undefined' && 'speechSynthesis' in window ? window.speechSynthesis : null;
}

/** The voice for `lang`: the exact locale first (hi-IN), then any of the language (hi). */
function voiceFor(lang: SpeechLang): SpeechSynthesisVoice | null {
  const voices = synth()?.getVoices() ?? [];
  const norm = (v: SpeechSynthesisVoice) => v.lang.replace('_', '-').toLowerCase();
  const language = lang.slice(0, 2);
  return voices.find((v) => norm(v) === lang.toLowerCase()) ?? voices.find((v) => norm(v).split('-')[0] === language) ?? null;
}

function subscribe(onChange: () => void) {
  const s = synth();
  if (!s || typeof s.addEventListener !== 'function') return () => {};
  // Chrome fills the voice list a moment after the page loads.
  s.addEventListener('voiceschanged', onChange);
  return () => s.removeEventListener('voiceschanged', onChange);
}

/** The chosen voice's name (a string, so the snapshot is stable between reads), or null. */
function useVoiceName(lang: SpeechLang): string | null {
  return useSyncExternalStore(
    subscribe,
    () => {
      const voice = voiceFor(lang);
      return voice ? voice.voiceURI || voice.name : null;
    },
    () => null,
  );
}

export function ReadAloud({ text, lang, label, stopLabel }: { text: string; lang: SpeechLang; label: string; stopLabel: string }) {
  const voiceName = useVoiceName(lang);
  const [speaking, setSpeaking] = useState(false);
  const s = synth();
  if (!voiceName || !s) return null;

  const speak = () => {
    s.cancel();
    if (speaking) return setSpeaking(false);
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = lang;
    const voice = voiceFor(lang);
    if (voice) utterance.voice = voice;
    // A little slower than the default: customers hear figures once, at a counter.
    utterance.rate = 0.9;
    utterance.onend = () => setSpeaking(false);
    utterance.onerror = () => setSpeaking(false);
    setSpeaking(true);
    s.speak(utterance);
  };

  return (
    <Button variant="secondary" onClick={speak} aria-pressed={speaking} data-testid="read-aloud">
      <span aria-hidden="true">🔊</span> {speaking ? stopLabel : label}
    </Button>
  );
}
