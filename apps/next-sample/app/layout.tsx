import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import './styles.css';

/**
 * The page's title and icon (an empty one: no favicon request).
 *
 * @example
 * ```ts
 * metadata.title; // 'Northwind Support · Next.js'
 * ```
 */
export const metadata: Metadata = { title: 'Northwind Support · Next.js', icons: { icon: 'data:,' } };

/**
 * The root layout (a server component).
 *
 * @example
 * ```tsx
 * <RootLayout><Page /></RootLayout>
 * ```
 */
export default function RootLayout({ children }: { readonly children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <div id="root">{children}</div>
      </body>
    </html>
  );
}
