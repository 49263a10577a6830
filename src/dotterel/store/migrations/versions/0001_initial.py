"""Initial schema: documents, codings, entities, events, event_actors, claims, quantities, runs, quarantine.

Revision ID: 0001
Revises: 
Create Date: 2026-11-25
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table('ingest_runs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('started_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('finished_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('inputs', sa.Text(), nullable=False),
    sa.Column('coder_version', sa.String(length=32), nullable=False),
    sa.Column('coder_knowledge', sa.String(length=64), nullable=False),
    sa.Column('workers', sa.Integer(), nullable=False),
    sa.Column('n_read', sa.Integer(), nullable=False),
    sa.Column('n_stored', sa.Integer(), nullable=False),
    sa.Column('n_recoded', sa.Integer(), nullable=False),
    sa.Column('n_duplicates', sa.Integer(), nullable=False),
    sa.Column('n_quarantined', sa.Integer(), nullable=False),
    sa.Column('n_events', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_ingest_runs'))
    )
    op.create_table('documents',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('doc_id', sa.String(length=200), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('title', sa.Text(), nullable=True),
    sa.Column('url', sa.Text(), nullable=True),
    sa.Column('source', sa.Text(), nullable=True),
    sa.Column('path', sa.Text(), nullable=True),
    sa.Column('language', sa.String(length=8), nullable=False),
    sa.Column('pub_date', sa.String(length=10), nullable=True),
    sa.Column('pub_day', sa.String(length=10), nullable=True),
    sa.Column('pub_week', sa.String(length=8), nullable=True),
    sa.Column('pub_month', sa.String(length=7), nullable=True),
    sa.Column('n_chars', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('current_coding_id', sa.Integer(), nullable=True),
    sa.Column('run_id', sa.Integer(), nullable=False),
    sa.Column('ingested_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['run_id'], ['ingest_runs.id'], name=op.f('fk_documents_run_id_ingest_runs')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_documents')),
    sa.UniqueConstraint('doc_id', name=op.f('uq_documents_doc_id')),
    sa.UniqueConstraint('sha256', name=op.f('uq_documents_sha256'))
    )
    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_documents_pub_day'), ['pub_day'], unique=False)
        batch_op.create_index(batch_op.f('ix_documents_source'), ['source'], unique=False)

    op.create_table('quarantine',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('run_id', sa.Integer(), nullable=False),
    sa.Column('path', sa.Text(), nullable=False),
    sa.Column('locator', sa.String(length=64), nullable=False),
    sa.Column('item_id', sa.String(length=200), nullable=True),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['run_id'], ['ingest_runs.id'], name=op.f('fk_quarantine_run_id_ingest_runs')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_quarantine'))
    )
    with op.batch_alter_table('quarantine', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_quarantine_path'), ['path'], unique=False)

    op.create_table('codings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('coder_name', sa.String(length=32), nullable=False),
    sa.Column('coder_version', sa.String(length=32), nullable=False),
    sa.Column('coder_knowledge', sa.String(length=64), nullable=False),
    sa.Column('coder_model', sa.String(length=64), nullable=False),
    sa.Column('genre_label', sa.String(length=16), nullable=False),
    sa.Column('genre_score', sa.Float(), nullable=False),
    sa.Column('n_events', sa.Integer(), nullable=False),
    sa.Column('record', sa.Text(), nullable=False),
    sa.Column('run_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_codings_document_id_documents'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['run_id'], ['ingest_runs.id'], name=op.f('fk_codings_run_id_ingest_runs')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_codings')),
    sa.UniqueConstraint('document_id', 'coder_version', 'coder_knowledge', name=op.f('uq_codings_document_id_coder_version_coder_knowledge'))
    )
    op.create_table('claims',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('coding_id', sa.Integer(), nullable=False),
    sa.Column('local_id', sa.String(length=16), nullable=False),
    sa.Column('speaker_text', sa.Text(), nullable=True),
    sa.Column('speaker_code', sa.String(length=16), nullable=True),
    sa.Column('speaker_sector', sa.String(length=16), nullable=True),
    sa.Column('speaker_entity', sa.String(length=16), nullable=True),
    sa.Column('cue', sa.Text(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('content', sa.Text(), nullable=False),
    sa.Column('certainty', sa.String(length=16), nullable=False),
    sa.Column('events', sa.Text(), nullable=False),
    sa.Column('span_start', sa.Integer(), nullable=False),
    sa.Column('span_end', sa.Integer(), nullable=False),
    sa.Column('content_start', sa.Integer(), nullable=False),
    sa.Column('content_end', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['coding_id'], ['codings.id'], name=op.f('fk_claims_coding_id_codings'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_claims')),
    sa.UniqueConstraint('coding_id', 'local_id', name=op.f('uq_claims_coding_id_local_id'))
    )
    with op.batch_alter_table('claims', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_claims_speaker_code'), ['speaker_code'], unique=False)

    op.create_table('entities',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('coding_id', sa.Integer(), nullable=False),
    sa.Column('local_id', sa.String(length=16), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('code', sa.String(length=16), nullable=True),
    sa.Column('sector', sa.String(length=16), nullable=True),
    sa.Column('name', sa.Text(), nullable=True),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('spans', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['coding_id'], ['codings.id'], name=op.f('fk_entities_coding_id_codings'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_entities')),
    sa.UniqueConstraint('coding_id', 'local_id', name=op.f('uq_entities_coding_id_local_id'))
    )
    with op.batch_alter_table('entities', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_entities_code'), ['code'], unique=False)

    op.create_table('events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('coding_id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('local_id', sa.String(length=16), nullable=False),
    sa.Column('type', sa.String(length=16), nullable=False),
    sa.Column('mode', sa.String(length=32), nullable=True),
    sa.Column('context', sa.Text(), nullable=False),
    sa.Column('quad', sa.Integer(), nullable=False),
    sa.Column('score', sa.Float(), nullable=False),
    sa.Column('modality', sa.String(length=16), nullable=False),
    sa.Column('confidence', sa.Float(), nullable=False),
    sa.Column('date', sa.String(length=10), nullable=True),
    sa.Column('day', sa.String(length=10), nullable=True),
    sa.Column('week', sa.String(length=8), nullable=True),
    sa.Column('month', sa.String(length=7), nullable=True),
    sa.Column('event_date_text', sa.Text(), nullable=True),
    sa.Column('event_date', sa.String(length=10), nullable=True),
    sa.Column('event_date_precision', sa.String(length=8), nullable=True),
    sa.Column('report_date', sa.String(length=10), nullable=True),
    sa.Column('attribution_source', sa.Text(), nullable=True),
    sa.Column('attribution_code', sa.String(length=16), nullable=True),
    sa.Column('attribution_sector', sa.String(length=16), nullable=True),
    sa.Column('attribution_cue', sa.String(length=64), nullable=True),
    sa.Column('attribution_claim', sa.String(length=16), nullable=True),
    sa.Column('location_text', sa.Text(), nullable=True),
    sa.Column('location_code', sa.String(length=16), nullable=True),
    sa.Column('location_lat', sa.Float(), nullable=True),
    sa.Column('location_lon', sa.Float(), nullable=True),
    sa.Column('location_geonames_id', sa.Integer(), nullable=True),
    sa.Column('quantities', sa.Text(), nullable=False),
    sa.Column('sentence', sa.Integer(), nullable=False),
    sa.Column('span_start', sa.Integer(), nullable=False),
    sa.Column('span_end', sa.Integer(), nullable=False),
    sa.Column('trigger_text', sa.Text(), nullable=False),
    sa.Column('trigger_start', sa.Integer(), nullable=False),
    sa.Column('trigger_end', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['coding_id'], ['codings.id'], name=op.f('fk_events_coding_id_codings'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_events_document_id_documents'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_events')),
    sa.UniqueConstraint('coding_id', 'local_id', name=op.f('uq_events_coding_id_local_id'))
    )
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_events_day'), ['day'], unique=False)
        batch_op.create_index(batch_op.f('ix_events_document_id'), ['document_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_events_month'), ['month'], unique=False)
        batch_op.create_index(batch_op.f('ix_events_type_day'), ['type', 'day'], unique=False)

    op.create_table('quantities',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('coding_id', sa.Integer(), nullable=False),
    sa.Column('local_id', sa.String(length=16), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('value', sa.Float(), nullable=True),
    sa.Column('unit', sa.String(length=64), nullable=True),
    sa.Column('role', sa.String(length=64), nullable=True),
    sa.Column('bound', sa.String(length=8), nullable=False),
    sa.Column('low', sa.Float(), nullable=True),
    sa.Column('high', sa.Float(), nullable=True),
    sa.Column('projected', sa.Boolean(), nullable=False),
    sa.Column('event', sa.String(length=16), nullable=True),
    sa.Column('span_start', sa.Integer(), nullable=False),
    sa.Column('span_end', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['coding_id'], ['codings.id'], name=op.f('fk_quantities_coding_id_codings'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_quantities')),
    sa.UniqueConstraint('coding_id', 'local_id', name=op.f('uq_quantities_coding_id_local_id'))
    )
    op.create_table('event_actors',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.String(length=10), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('code', sa.String(length=16), nullable=True),
    sa.Column('sector', sa.String(length=16), nullable=True),
    sa.Column('entity', sa.String(length=16), nullable=True),
    sa.Column('span_start', sa.Integer(), nullable=False),
    sa.Column('span_end', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_event_actors_event_id_events'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_event_actors')),
    sa.UniqueConstraint('event_id', 'role', 'position', name=op.f('uq_event_actors_event_id_role_position'))
    )
    with op.batch_alter_table('event_actors', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_event_actors_code_role_event_id'), ['code', 'role', 'event_id'], unique=False)




def downgrade() -> None:

    with op.batch_alter_table('event_actors', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_event_actors_code_role_event_id'))

    op.drop_table('event_actors')
    op.drop_table('quantities')
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_events_type_day'))
        batch_op.drop_index(batch_op.f('ix_events_month'))
        batch_op.drop_index(batch_op.f('ix_events_document_id'))
        batch_op.drop_index(batch_op.f('ix_events_day'))

    op.drop_table('events')
    with op.batch_alter_table('entities', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_entities_code'))

    op.drop_table('entities')
    with op.batch_alter_table('claims', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_claims_speaker_code'))

    op.drop_table('claims')
    op.drop_table('codings')
    with op.batch_alter_table('quarantine', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_quarantine_path'))

    op.drop_table('quarantine')
    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_documents_source'))
        batch_op.drop_index(batch_op.f('ix_documents_pub_day'))

    op.drop_table('documents')
    op.drop_table('ingest_runs')

