import type { Config } from 'tailwindcss';

// Tailwind 4 reads this through the `@config` line in app/globals.css.
// Colours are chosen for WCAG AA contrast on white (agents work in bright shops).
export default {
  content: ['./app/**/*.{ts,tsx}', './components/**/*.{ts,tsx}', './lib/**/*.{ts,tsx}'],
  theme: {
    extend: {
      colors: {
        brand: { 50: '#eef6ff', 100: '#d9eaff', 600: '#1d5fc2', 700: '#174c9c', 800: '#123a78' },
      },
      minHeight: { touch: '44px' },
      minWidth: { touch: '44px' },
    },
  },
} satisfies Config;
