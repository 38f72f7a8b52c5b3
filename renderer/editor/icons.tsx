import type { ReactNode } from 'react';

/**
 * Toolbar icons as inline SVG (16 × 16, currentColor): crisp at any zoom, follow the colour
 * scheme, and need no icon font. Always decorative: the buttons carry the accessible name.
 */
function Svg(props: { children: ReactNode }) {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      {props.children}
    </svg>
  );
}

export const icons = {
  undo: (
    <Svg>
      <path d="M5.5 3.5 2.5 6.5l3 3" />
      <path d="M2.5 6.5h7a4 4 0 0 1 0 8h-3" />
    </Svg>
  ),
  redo: (
    <Svg>
      <path d="m10.5 3.5 3 3-3 3" />
      <path d="M13.5 6.5h-7a4 4 0 0 0 0 8h3" />
    </Svg>
  ),
  clear: (
    <Svg>
      <path d="M3 3.5h9M7.5 3.5 5.5 13" />
      <path d="m10 9.5 4 4m0-4-4 4" />
    </Svg>
  ),
  bullets: (
    <Svg>
      <circle cx="2.8" cy="4" r="0.9" fill="currentColor" />
      <circle cx="2.8" cy="8" r="0.9" fill="currentColor" />
      <circle cx="2.8" cy="12" r="0.9" fill="currentColor" />
      <path d="M6 4h8M6 8h8M6 12h8" />
    </Svg>
  ),
  numbers: (
    <Svg>
      <path d="M2 2.8 3 2.3v3.4M1.8 13.7h2.4l-2.3-2.4a1 1 0 1 1 1.8-.8" strokeWidth="1.1" />
      <path d="M6.5 4h7.5M6.5 8h7.5M6.5 12h7.5" />
    </Svg>
  ),
  outdent: (
    <Svg>
      <path d="M2 3h12M7 6.5h7M7 10h7M2 13.5h12" />
      <path d="M4.5 6 2.5 8.2l2 2.2" />
    </Svg>
  ),
  indent: (
    <Svg>
      <path d="M2 3h12M7 6.5h7M7 10h7M2 13.5h12" />
      <path d="m2.5 6 2 2.2-2 2.2" />
    </Svg>
  ),
  link: (
    <Svg>
      <path d="M6.8 9.2a3 3 0 0 0 4.2 0l2-2a3 3 0 0 0-4.2-4.2l-.9.9" />
      <path d="M9.2 6.8a3 3 0 0 0-4.2 0l-2 2a3 3 0 0 0 4.2 4.2l.9-.9" />
    </Svg>
  ),
  unlink: (
    <Svg>
      <path d="M10.5 9.5 13 7a3 3 0 0 0-4.2-4.2L6.5 5M5.5 6.5 3 9a3 3 0 0 0 4.2 4.2l2.3-2.3" />
      <path d="M2 2l12 12" />
    </Svg>
  ),
  table: (
    <Svg>
      <rect x="1.8" y="2.5" width="12.4" height="11" rx="1" />
      <path d="M1.8 6.2h12.4M1.8 9.9h12.4M6 6.2v7.3M10.1 6.2v7.3" />
    </Svg>
  ),
  headerRow: (
    <Svg>
      <rect x="1.8" y="2.5" width="12.4" height="11" rx="1" />
      <path d="M2.6 3.4h10.8v2.4H2.6z" fill="currentColor" />
      <path d="M1.8 6.2h12.4M1.8 9.9h12.4M6 6.2v7.3M10.1 6.2v7.3" />
    </Svg>
  ),
  headerColumn: (
    <Svg>
      <rect x="1.8" y="2.5" width="12.4" height="11" rx="1" />
      <path d="M2.6 3.4h2.8v9.2H2.6z" fill="currentColor" />
      <path d="M1.8 6.2h12.4M1.8 9.9h12.4M6 2.5v11M10.1 2.5v11" />
    </Svg>
  ),
  rowAdd: (
    <Svg>
      <rect x="1.8" y="2" width="12.4" height="6" rx="1" />
      <path d="M8 10v5M5.5 12.5h5" />
    </Svg>
  ),
  columnAdd: (
    <Svg>
      <rect x="2" y="1.8" width="6" height="12.4" rx="1" />
      <path d="M10 8h5M12.5 5.5v5" />
    </Svg>
  ),
  rowDelete: (
    <Svg>
      <rect x="1.8" y="2" width="12.4" height="6" rx="1" />
      <path d="M5.5 12.5h5" />
    </Svg>
  ),
  columnDelete: (
    <Svg>
      <rect x="2" y="1.8" width="6" height="12.4" rx="1" />
      <path d="M10.5 8h4" />
    </Svg>
  ),
  picture: (
    <Svg>
      <rect x="1.8" y="2.5" width="12.4" height="11" rx="1" />
      <circle cx="5.5" cy="6" r="1.2" />
      <path d="m2.5 12.5 4-4 3 3 2-2 2.5 2.5" />
    </Svg>
  ),
};
