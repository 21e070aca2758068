import { assetDataUri, assetPath } from '../static-assets'
import type { Child } from 'hono/jsx'
import { can } from '../../domain/policy/policy'
import type { Actor } from '../../domain/policy/roles'
import type { Flash } from '../context'
import { en } from '../i18n/en'
import { AdminNav } from './admin/admin-nav'
import { ResearchNav } from './research/research-nav'

const FAVICON = assetDataUri('favicon.svg')

export type LayoutProps = {
  title: string
  description?: string | undefined
  actor: Actor
  flash: Flash | null
  devMailbox: boolean
  /** The request's path: marks the current admin section. */
  path?: string | undefined
  children?: Child
}

/** Every page: a skip link, the site header with what this person may open, the main content, a footer. */
export function Layout({ title, description, actor, flash, devMailbox, path = '/', children }: LayoutProps) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · Social Mission Metrics`}</title>
        <meta
          name="description"
          content={description ?? 'The social mission self-assessment for medical, dental, nursing and PA schools.'}
        />
        <link rel="icon" href={FAVICON} type="image/svg+xml" />
        <link rel="stylesheet" href={assetPath('app.css')} />
      </head>
      <body>
        <a class="skip-link" href="#main">
          Skip to content
        </a>
        <header class="site-header">
          {actor.kind === 'user' && (
            <div class="account-bar">
              <nav class="wrap" aria-label="Account">
                <ul class="nav">
                  {can(actor, 'admin.console') && (
                    <li>
                      <a href="/admin">Admin</a>
                    </li>
                  )}
                  {can(actor, 'research.view') && (
                    <li>
                      <a href="/research">Research</a>
                    </li>
                  )}
                  {can(actor, 'inbox.manage') && (
                    <li>
                      <a href="/admin/inbox">Inbox</a>
                    </li>
                  )}
                  {can(actor, 'resources.manage') && (
                    <li>
                      <a href="/admin/resources">Resources</a>
                    </li>
                  )}
                  {actor.memberships.length > 0 && (
                    <li>
                      <a href="/school">My school</a>
                    </li>
                  )}
                  <li>
                    <a href="/account">Your account</a>
                  </li>
                  {devMailbox && can(actor, 'mail.view') && (
                    <li>
                      <a href="/dev/mailbox">Dev mailbox</a>
                    </li>
                  )}
                  <li>
                    <form method="post" action="/sign-out" class="inline">
                      <button type="submit" class="link-button">
                        Sign out <span class="muted">({actor.email})</span>
                      </button>
                    </form>
                  </li>
                </ul>
              </nav>
            </div>
          )}
          <div class="wrap header-row">
            <a class="brand" href="/">
              Social Mission Metrics
            </a>
            <nav aria-label="Main">
              <ul class="nav nav-public">
                <li>
                  <a href="/about">{en.nav.about}</a>
                </li>
                <li>
                  <a href="/assessment">{en.nav.assessment}</a>
                </li>
                <li>
                  <a href="/participation">{en.nav.participation}</a>
                </li>
                <li>
                  <a href="/badge">{en.nav.badge}</a>
                </li>
                <li>
                  <a href="/champions">{en.nav.champions}</a>
                </li>
                <li>
                  <a href="/toolkits">{en.nav.toolkits}</a>
                </li>
                <li>
                  <a href="/contact">{en.nav.contact}</a>
                </li>
              </ul>
              {actor.kind !== 'user' && (
                <ul class="nav">
                  <li>
                    <a href="/sign-in">Sign in</a>
                  </li>
                </ul>
              )}
            </nav>
          </div>
        </header>
        {path.startsWith('/admin') && can(actor, 'admin.console') && <AdminNav path={path} />}
        {path.startsWith('/research') && can(actor, 'research.view') && <ResearchNav path={path} />}
        <main id="main" class="wrap" tabindex={-1}>
          {flash && (
            <p class={`flash flash-${flash.kind}`} role="status">
              {flash.message}
            </p>
          )}
          {children}
        </main>
        <footer class="site-footer">
          <div class="wrap">
            <p>Social Mission Metrics · a self-assessment of health professions schools’ contribution to health equity.</p>
          </div>
        </footer>
      </body>
    </html>
  )
}
